//! The `kaa` command (being written).
fn main() {}
