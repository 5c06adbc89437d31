//! `cargo run -p uniffi-bindgen -- generate …`: the generator matching the uniffi crate.

fn main() {
    uniffi::uniffi_bindgen_main()
}
