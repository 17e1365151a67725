//! Image references taken apart as containerd does it, and the pull error
//! of an official name that does not exist.

use super::catalog::{Image, CATALOG, GENERIC};
use super::tools::{Tools, Toolset};

/// An image reference taken apart as a container runtime does it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// `docker.io`, `registry.k8s.io`, `www.myharbor.com`, …
    pub registry: String,
    /// `library/nginx`, `wangqihan/java-demo`, …
    pub repository: String,
    /// `latest` when none is given.
    pub tag: String,
}

impl Reference {
    /// Parses `image` (`nginx`, `nginx:1.8`, `www.myharbor.com/x/y:v1`, `a/b@sha256:…`).
    pub fn parse(image: &str) -> Reference {
        let (name, tag) = match image.split_once('@') {
            Some((name, digest)) => (name, digest.to_string()),
            None => {
                let slash = image.rfind('/').map_or(0, |i| i + 1);
                match image[slash..].split_once(':') {
                    Some((_, tag)) => (
                        &image[..slash + image[slash..].find(':').unwrap_or(0)],
                        tag.to_string(),
                    ),
                    None => (image, "latest".to_string()),
                }
            }
        };
        let first = name.split('/').next().unwrap_or(name);
        let has_registry = name.contains('/')
            && (first.contains('.') || first.contains(':') || first == "localhost");
        let (registry, path) = if has_registry {
            (first.to_string(), name[first.len() + 1..].to_string())
        } else {
            ("docker.io".to_string(), name.to_string())
        };
        let repository = if registry == "docker.io" && !path.contains('/') {
            format!("library/{path}")
        } else {
            path
        };
        Reference {
            registry,
            repository,
            tag,
        }
    }

    /// The fully qualified reference, as containerd prints it.
    pub fn full(&self) -> String {
        let separator = if self.tag.starts_with("sha256:") {
            '@'
        } else {
            ':'
        };
        format!(
            "{}/{}{separator}{}",
            self.registry, self.repository, self.tag
        )
    }
}

/// Why an image cannot be pulled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PullError {
    /// The runtime's message, as the kubelet's `Failed` event shows it.
    pub message: String,
}

/// Finds `image` in the catalog. Official images must be in it; others exist.
pub fn resolve(image: &str) -> Result<Image, PullError> {
    let reference = Reference::parse(image);
    let official = reference.registry == "docker.io"
        && reference.repository.starts_with("library/")
        || reference.registry == "registry.k8s.io";
    let name = reference
        .repository
        .rsplit('/')
        .next()
        .unwrap_or(&reference.repository);
    // A user's image the catalog knows by its whole name (`polinux/stress`).
    let users = CATALOG
        .iter()
        .find(|candidate| candidate.name.contains('/') && candidate.name == reference.repository);
    if let (Some(found), "docker.io") = (users, reference.registry.as_str()) {
        return Ok(*found);
    }
    match CATALOG.iter().find(|candidate| candidate.name == name) {
        Some(found) if official => Ok(legacy_variant(*found, &reference.tag)),
        Some(_) | None if !official => Ok(GENERIC),
        _ => Err(PullError {
            message: format!(
                "failed to pull and unpack image \"{full}\": failed to resolve reference \"{full}\": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed",
                full = reference.full()
            ),
        }),
    }
}

/// Old tags whose base had more tools (nginx:1.8 was built on Debian jessie
/// with procps and iproute2, as seed 000's `ps -ef` and `ip a` show).
fn legacy_variant(image: Image, tag: &str) -> Image {
    let minor = |t: &str| {
        let mut parts = t.split('.');
        Some((
            parts.next()?.parse::<u32>().ok()?,
            parts.next()?.parse::<u32>().ok()?,
        ))
    };
    match (image.name, minor(tag)) {
        ("nginx", Some((1, m))) if m < 10 => Image {
            tools: Tools {
                base: Toolset::DebianFull,
                extras: image.tools.extras,
            },
            entrypoint: &[],
            ..image
        },
        _ => image,
    }
}
