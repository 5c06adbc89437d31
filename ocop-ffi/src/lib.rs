//! ocop for Kotlin, Swift and Python (uniffi).
