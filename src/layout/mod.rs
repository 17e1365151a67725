//! Where each part of the pod diagram goes: pure geometry from a typed Pod.
//!
//! The layout is computed here, in the core, so it is tested natively and the
//! UI only turns it into SVG. Coordinates are whole SVG user units. Rows, top to
//! bottom: the node frame's title, the pod's title, the pause (sandbox)
//! container spanning the pod, init containers (if any), app containers, and
//! volumes; each volume mount is a line from the container's bottom edge to the
//! volume's top edge, labelled with its mountPath.

use crate::spec::{Container, Pod};

/// Width of a container or volume card.
const CARD_WIDTH: i32 = 200;
/// Height of a container card.
const CONTAINER_HEIGHT: i32 = 104;
/// Height of a volume card.
const VOLUME_HEIGHT: i32 = 76;
/// Horizontal gap between cards.
const GAP: i32 = 24;
/// Space between the pod's border and its content.
const POD_PADDING: i32 = 20;
/// Space between the node's border and the pod.
const NODE_PADDING: i32 = 16;
/// Height of the node's and the pod's title bars.
const TITLE_HEIGHT: i32 = 30;
/// Height of the pause container's band.
const PAUSE_HEIGHT: i32 = 64;
/// Vertical space a row of mount lines needs (room for their labels).
const MOUNT_SPACE: i32 = 70;
/// Vertical gap between rows.
const ROW_GAP: i32 = 22;
/// The longest text shown on a card before it is cut with an ellipsis.
const MAX_LABEL_CHARS: usize = 24;

/// An axis-aligned rectangle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Rect {
    pub x: i32,
    pub y: i32,
    pub width: i32,
    pub height: i32,
}

impl Rect {
    /// The x of the rectangle's middle.
    pub fn center_x(&self) -> i32 {
        self.x + self.width / 2
    }

    /// The rectangle's middle.
    pub fn center(&self) -> (i32, i32) {
        (self.center_x(), self.y + self.height / 2)
    }

    /// The y of the rectangle's bottom edge.
    pub fn bottom(&self) -> i32 {
        self.y + self.height
    }
}

/// What role a container plays in the pod.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ContainerKind {
    /// Runs to completion before the app containers start.
    Init,
    /// An init container with `restartPolicy: Always`: runs beside the app.
    Sidecar,
    /// A regular container.
    App,
}

impl ContainerKind {
    /// The kind of an init container: a sidecar if it restarts (`restartPolicy: Always`).
    pub fn of_init(container: &Container) -> ContainerKind {
        if container.is_restartable() {
            ContainerKind::Sidecar
        } else {
            ContainerKind::Init
        }
    }
}

/// A container card.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ContainerCard {
    /// Where the card is.
    pub rect: Rect,
    /// The container's full name, to find its state in the scene.
    pub key: String,
    /// The container's name, shortened to fit.
    pub name: String,
    /// The image, shortened to fit.
    pub image: String,
    /// Init, sidecar or app.
    pub kind: ContainerKind,
}

/// A volume card.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct VolumeCard {
    /// Where the card is.
    pub rect: Rect,
    /// The volume's full name, to find its files in the scene.
    pub key: String,
    /// The volume's name, shortened to fit.
    pub name: String,
    /// `emptyDir`, `hostPath`, `configMap`, `secret` or `volume`.
    pub source: String,
}

/// A line from a container to a volume it mounts.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MountLine {
    /// The mounting container's full name.
    pub container: String,
    /// The mounted volume's full name.
    pub volume: String,
    /// Start, on the container's bottom edge.
    pub from: (i32, i32),
    /// End, on the volume's top edge.
    pub to: (i32, i32),
    /// The mountPath (with ` (ro)` when read-only), shortened to fit.
    pub label: String,
    /// Where the label's middle goes.
    pub label_at: (i32, i32),
}

/// The whole diagram.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagram {
    /// Total width of the drawing.
    pub width: i32,
    /// Total height of the drawing.
    pub height: i32,
    /// The node's frame.
    pub node: Rect,
    /// The node's name.
    pub node_name: String,
    /// The pod's box.
    pub pod: Rect,
    /// The pod's name, shortened to fit.
    pub pod_name: String,
    /// The pause container's band.
    pub pause: Rect,
    /// Container cards: init containers first, then app containers.
    pub containers: Vec<ContainerCard>,
    /// Volume cards in spec order.
    pub volumes: Vec<VolumeCard>,
    /// Mount lines, by container then by mount.
    pub mounts: Vec<MountLine>,
}

/// Lays out `pod` on a node named `node_name`.
pub fn layout_pod(pod: &Pod, node_name: &str) -> Diagram {
    let spec = &pod.spec;
    let widest_row = spec
        .init_containers
        .len()
        .max(spec.containers.len())
        .max(spec.volumes.len())
        .max(2) as i32;
    let content_width = widest_row * CARD_WIDTH + (widest_row - 1) * GAP;
    let pod_x = NODE_PADDING;
    let content_x = pod_x + POD_PADDING;
    let pod_y = TITLE_HEIGHT + NODE_PADDING;
    let mut y = pod_y + TITLE_HEIGHT;

    let pause = Rect {
        x: content_x,
        y,
        width: content_width,
        height: PAUSE_HEIGHT,
    };
    y = pause.bottom() + ROW_GAP;

    let containers = container_cards(pod, content_x, &mut y);
    let volumes = volume_cards(pod, content_x, &mut y);
    let mounts = mount_lines(pod, &containers, &volumes);

    let pod_box = Rect {
        x: pod_x,
        y: pod_y,
        width: content_width + 2 * POD_PADDING,
        height: y + POD_PADDING - pod_y,
    };
    let node = Rect {
        x: 0,
        y: 0,
        width: pod_box.width + 2 * NODE_PADDING,
        height: pod_box.bottom() + NODE_PADDING,
    };
    Diagram {
        width: node.width,
        height: node.height,
        node,
        node_name: node_name.to_string(),
        pod: pod_box,
        pod_name: shorten(&pod.metadata.name),
        pause,
        containers,
        volumes,
        mounts,
    }
}

/// The container cards: init containers (if any) on one row, app containers
/// on the next, from `*y` down; `*y` ends at the app row's bottom.
fn container_cards(pod: &Pod, content_x: i32, y: &mut i32) -> Vec<ContainerCard> {
    let spec = &pod.spec;
    let mut containers = Vec::new();
    if !spec.init_containers.is_empty() {
        for (index, container) in spec.init_containers.iter().enumerate() {
            let kind = ContainerKind::of_init(container);
            containers.push(card(
                content_x,
                *y,
                index,
                &container.name,
                &container.image,
                kind,
            ));
        }
        *y += CONTAINER_HEIGHT + ROW_GAP;
    }
    for (index, container) in spec.containers.iter().enumerate() {
        containers.push(card(
            content_x,
            *y,
            index,
            &container.name,
            &container.image,
            ContainerKind::App,
        ));
    }
    *y += CONTAINER_HEIGHT;
    containers
}

/// The volume cards on their row below the mount lines' space; `*y` ends at
/// the row's bottom (unchanged when the pod has no volume).
fn volume_cards(pod: &Pod, content_x: i32, y: &mut i32) -> Vec<VolumeCard> {
    let spec = &pod.spec;
    if spec.volumes.is_empty() {
        Vec::new()
    } else {
        *y += MOUNT_SPACE;
        let row_y = *y;
        *y += VOLUME_HEIGHT;
        spec.volumes
            .iter()
            .enumerate()
            .map(|(index, volume)| VolumeCard {
                rect: Rect {
                    x: content_x + index as i32 * (CARD_WIDTH + GAP),
                    y: row_y,
                    width: CARD_WIDTH,
                    height: VOLUME_HEIGHT,
                },
                key: volume.name.clone(),
                name: shorten(&volume.name),
                source: volume.source_kind().to_string(),
            })
            .collect()
    }
}

/// A line from each container to each volume it mounts, labelled with the
/// mountPath (`(ro)` when read-only); several mounts of one container
/// spread along its bottom edge.
fn mount_lines(pod: &Pod, containers: &[ContainerCard], volumes: &[VolumeCard]) -> Vec<MountLine> {
    let spec = &pod.spec;
    let all_containers = spec.init_containers.iter().chain(&spec.containers);
    let mut mounts = Vec::new();
    for (container, card) in all_containers.zip(containers) {
        let count = container.volume_mounts.len() as i32;
        for (index, mount) in container.volume_mounts.iter().enumerate() {
            let Some(volume_index) = spec.volumes.iter().position(|v| v.name == mount.name) else {
                continue;
            };
            let volume = &volumes[volume_index].rect;
            // Spread several mounts of one container along its bottom edge.
            let from_x = card.rect.x + card.rect.width * (2 * index as i32 + 1) / (2 * count);
            let from = (from_x, card.rect.bottom());
            let to = (volume.center_x(), volume.y);
            let label = if mount.is_read_only() {
                format!("{} (ro)", mount.mount_path)
            } else {
                mount.mount_path.clone()
            };
            mounts.push(MountLine {
                container: container.name.clone(),
                volume: mount.name.clone(),
                from,
                to,
                label: shorten(&label),
                label_at: (
                    from.0 + (to.0 - from.0) / 4,
                    from.1 + (to.1 - from.1) / 4 + 4,
                ),
            });
        }
    }
    mounts
}

fn card(
    content_x: i32,
    y: i32,
    index: usize,
    name: &str,
    image: &str,
    kind: ContainerKind,
) -> ContainerCard {
    ContainerCard {
        rect: Rect {
            x: content_x + index as i32 * (CARD_WIDTH + GAP),
            y,
            width: CARD_WIDTH,
            height: CONTAINER_HEIGHT,
        },
        key: name.to_string(),
        name: shorten(name),
        image: shorten(image),
        kind,
    }
}

/// Width of a port chip in the pause band.
const PORT_CHIP_WIDTH: i32 = 112;
/// Height of a port chip.
const PORT_CHIP_HEIGHT: i32 = 22;

impl Diagram {
    /// Where the `index`th port chip goes: along the pause band's bottom,
    /// from its right edge leftwards.
    pub fn port_chip(&self, index: usize) -> Rect {
        Rect {
            x: self.pause.x + self.pause.width - (index as i32 + 1) * (PORT_CHIP_WIDTH + 8),
            y: self.pause.bottom() - PORT_CHIP_HEIGHT - 6,
            width: PORT_CHIP_WIDTH,
            height: PORT_CHIP_HEIGHT,
        }
    }

    /// Where traffic leaves and enters the pod: eth0, on the pod's right
    /// edge at the pause band.
    pub fn eth0(&self) -> (i32, i32) {
        (self.pod.x + self.pod.width, self.pause.center().1)
    }

    /// The middle of the `index`th of `count` condition lights, in a row
    /// ending at the pod title bar's right end.
    pub fn condition_light(&self, index: usize, count: usize) -> (i32, i32) {
        let from_right = count.saturating_sub(index + 1) as i32;
        (
            self.pod.x + self.pod.width - 16 - 16 * from_right,
            self.pod.y + 16,
        )
    }

    /// The mount line from container `container` to volume `volume`.
    pub fn mount(&self, container: &str, volume: &str) -> Option<&MountLine> {
        self.mounts
            .iter()
            .find(|m| m.container == container && m.volume == volume)
    }

    /// The card of container `name`.
    pub fn container(&self, name: &str) -> Option<&ContainerCard> {
        self.containers.iter().find(|c| c.key == name)
    }
}

/// The point `permille` thousandths of the way from `from` to `to`.
pub fn point_along(from: (i32, i32), to: (i32, i32), permille: u32) -> (i32, i32) {
    let t = permille.min(1000) as i64;
    let lerp = |a: i32, b: i32| (a as i64 + (b as i64 - a as i64) * t / 1000) as i32;
    (lerp(from.0, to.0), lerp(from.1, to.1))
}

/// Cuts `text` to [`MAX_LABEL_CHARS`] characters, ending in `…` when cut.
fn shorten(text: &str) -> String {
    if text.chars().count() <= MAX_LABEL_CHARS {
        return text.to_string();
    }
    let mut short: String = text.chars().take(MAX_LABEL_CHARS - 1).collect();
    short.push('…');
    short
}

#[cfg(test)]
mod tests;
