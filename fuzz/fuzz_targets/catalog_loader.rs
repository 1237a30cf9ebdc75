//! Fuzz target: any bytes given to the catalog loader give a catalog or problems, never a panic,
//! and a catalog that loads survives `dump` and loads back to the same catalog.
#![no_main]

use career_clusters::catalog::Catalog;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(catalog) = Catalog::from_bytes(data, "fuzz.toml") {
        let dumped = catalog.to_toml().expect("a loaded catalog can be written");
        let again = Catalog::from_str(&dumped, "dumped.toml").expect("the dump loads");
        assert_eq!(catalog, again, "dump changed the catalog");
    } else {
        // errors must render without panicking too
        let _ = Catalog::from_bytes(data, "fuzz.toml").map_err(|e| e.to_string());
    }
});
