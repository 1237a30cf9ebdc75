//! Fuzz target: any bytes given to the catalog loader give a catalog or problems, never a panic;
//! the lean reader and toml's parser give the same catalog or the same problems; and a catalog
//! that loads survives `dump` and loads back to the same catalog.
#![no_main]

use career_clusters::catalog::Catalog;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let loaded = Catalog::from_bytes(data, "fuzz.toml");
    if let Ok(text) = std::str::from_utf8(data) {
        let with_toml = Catalog::from_str_with_toml(text, "fuzz.toml");
        assert_eq!(
            loaded.as_ref().map_err(|e| e.to_string()),
            with_toml.as_ref().map_err(|e| e.to_string()),
            "the lean reader and toml disagree"
        );
    }
    if let Ok(catalog) = loaded {
        let dumped = catalog.to_toml().expect("a loaded catalog can be written");
        let again = Catalog::from_str(&dumped, "dumped.toml").expect("the dump loads");
        assert_eq!(catalog, again, "dump changed the catalog");
    } else {
        // errors must render without panicking too
        let _ = Catalog::from_bytes(data, "fuzz.toml").map_err(|e| e.to_string());
    }
});
