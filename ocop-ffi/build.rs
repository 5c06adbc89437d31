//! Android: link the library with 16 KB page alignment, which Google Play requires of native
//! libraries in apps targeting Android 15 and later. Set here rather than in RUSTFLAGS so that
//! every build driver (cargo-ndk, Gradle, a plain `cargo build --target …-android`) gets it.
//! Checked by bindings/android/check.sh.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("android") {
        println!("cargo::rustc-cdylib-link-arg=-Wl,-z,max-page-size=16384");
    }
}
