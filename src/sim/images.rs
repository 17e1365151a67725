//! What the node knows about images before the runtime's image catalog exists:
//! how big an image is and so how long its pull takes.

/// Compressed sizes in bytes of images the tutorials use (linux/amd64, rounded);
/// keyed by the last path component of the repository, tag ignored.
const KNOWN_IMAGE_SIZES: &[(&str, u64)] = &[
    ("busybox", 2_155_000),
    ("centos", 76_097_000),
    ("nginx", 72_100_000),
    ("pause", 320_000),
    ("redis", 45_300_000),
    ("tomcat", 160_500_000),
];

/// The size assumed for an image the catalog does not know.
const UNKNOWN_IMAGE_SIZE: u64 = 50_000_000;

/// The simulated registry's throughput, in bytes per virtual second.
const PULL_BYTES_PER_SECOND: u64 = 20_000_000;

/// Fixed cost of every pull (manifest fetch, unpacking), in milliseconds.
const PULL_OVERHEAD_MILLIS: u64 = 400;

/// The compressed size of `image` in bytes.
pub fn image_size_bytes(image: &str) -> u64 {
    let without_digest = image.split('@').next().unwrap_or(image);
    let last_component = without_digest.rsplit('/').next().unwrap_or(without_digest);
    let repository = last_component.split(':').next().unwrap_or(last_component);
    KNOWN_IMAGE_SIZES
        .iter()
        .find(|(name, _)| *name == repository)
        .map(|(_, size)| *size)
        .unwrap_or(UNKNOWN_IMAGE_SIZE)
}

/// How long pulling `image` takes, in virtual milliseconds; when the node
/// already has it, a pull only checks the manifest.
pub fn pull_duration(image: &str, already_present: bool) -> u64 {
    if already_present {
        PULL_OVERHEAD_MILLIS
    } else {
        PULL_OVERHEAD_MILLIS + image_size_bytes(image) * 1000 / PULL_BYTES_PER_SECOND
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_ignore_registry_and_tag() {
        assert_eq!(image_size_bytes("docker.io/library/centos:7"), 76_097_000);
        assert_eq!(image_size_bytes("busybox"), 2_155_000);
        assert_eq!(
            image_size_bytes("www.myharbor.com/wangqihan/java-demo:v1"),
            UNKNOWN_IMAGE_SIZE
        );
    }

    #[test]
    fn pulls_take_longer_for_bigger_images() {
        assert_eq!(pull_duration("busybox:1.36", false), 507);
        assert_eq!(pull_duration("centos:7", false), 4204);
        assert_eq!(pull_duration("centos:7", true), 400);
    }
}
