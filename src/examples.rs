//! Example manifests bundled with the playground.

/// Seed 000's producer/consumer pod `my-podzz`: two centos containers sharing
/// one emptyDir, the editor's content on first visit.
pub const MY_PODZZ: &str = include_str!("../examples/my-podzz.yaml");
