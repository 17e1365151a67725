//! Draws a [`Diagram`] as SVG: node, pod, pause container, containers,
//! volumes and the mount lines between them. Geometry comes from the core.

use crate::layout::{ContainerKind, Diagram};
use std::rc::Rc;
use yew::prelude::*;

/// The diagram to draw.
#[derive(Properties, PartialEq)]
pub struct PodDiagramProps {
    /// The laid-out pod.
    pub diagram: Rc<Diagram>,
}

/// The pod diagram component.
#[function_component(PodDiagram)]
pub fn pod_diagram(props: &PodDiagramProps) -> Html {
    let d = &props.diagram;
    let view_box = format!("0 0 {} {}", d.width, d.height);
    html! {
        <svg class="pod-diagram" viewBox={view_box} role="img"
             aria-label={format!("Pod {} on node {}", d.pod_name, d.node_name)}>
            <rect class="node-frame" x={d.node.x.to_string()} y={d.node.y.to_string()}
                  width={d.node.width.to_string()} height={d.node.height.to_string()} rx="10" />
            <text class="node-title" x="14" y="21">{ format!("节点 node · {}", d.node_name) }</text>

            <g class="pod-box">
                <rect x={d.pod.x.to_string()} y={d.pod.y.to_string()}
                      width={d.pod.width.to_string()} height={d.pod.height.to_string()} rx="12" />
                <text class="pod-title" x={(d.pod.x + 14).to_string()} y={(d.pod.y + 21).to_string()}>
                    { format!("Pod · {}", d.pod_name) }
                </text>
            </g>

            <g class="pause-container">
                <rect x={d.pause.x.to_string()} y={d.pause.y.to_string()}
                      width={d.pause.width.to_string()} height={d.pause.height.to_string()} rx="8" />
                <text class="pause-name" x={(d.pause.x + 12).to_string()} y={(d.pause.y + 19).to_string()}>
                    { "pause" }
                </text>
                <text class="pause-detail" x={(d.pause.x + 12).to_string()} y={(d.pause.y + 36).to_string()}>
                    { "sandbox · 共享 network · IPC · UTS 命名空间" }
                </text>
            </g>

            { for d.mounts.iter().map(|mount| html! {
                <g class="mount">
                    <line x1={mount.from.0.to_string()} y1={mount.from.1.to_string()}
                          x2={mount.to.0.to_string()} y2={mount.to.1.to_string()} />
                    <text class="mount-path" x={mount.label_at.0.to_string()} y={mount.label_at.1.to_string()}
                          text-anchor="middle">{ mount.label.clone() }</text>
                </g>
            }) }

            { for d.containers.iter().map(|card| {
                let (kind_class, kind_label) = match card.kind {
                    ContainerKind::Init => ("init", "init"),
                    ContainerKind::Sidecar => ("sidecar", "sidecar"),
                    ContainerKind::App => ("app", "container"),
                };
                html! {
                    <g class={classes!("container-card", kind_class)} data-name={card.name.clone()}>
                        <rect x={card.rect.x.to_string()} y={card.rect.y.to_string()}
                              width={card.rect.width.to_string()} height={card.rect.height.to_string()} rx="8" />
                        <rect class="kind-stripe" x={card.rect.x.to_string()} y={card.rect.y.to_string()}
                              width="6" height={card.rect.height.to_string()} rx="3" />
                        <text class="kind-label" x={(card.rect.x + 16).to_string()} y={(card.rect.y + 17).to_string()}>
                            { kind_label }
                        </text>
                        <text class="container-name" x={(card.rect.x + 16).to_string()} y={(card.rect.y + 36).to_string()}>
                            { card.name.clone() }
                        </text>
                        <text class="container-image" x={(card.rect.x + 16).to_string()} y={(card.rect.y + 54).to_string()}>
                            { card.image.clone() }
                        </text>
                    </g>
                }
            }) }

            { for d.volumes.iter().map(|volume| html! {
                <g class="volume-card" data-name={volume.name.clone()}>
                    <rect x={volume.rect.x.to_string()} y={volume.rect.y.to_string()}
                          width={volume.rect.width.to_string()} height={volume.rect.height.to_string()} rx="8" />
                    <text class="volume-source" x={(volume.rect.x + 12).to_string()} y={(volume.rect.y + 19).to_string()}>
                        { volume.source }
                    </text>
                    <text class="volume-name" x={(volume.rect.x + 12).to_string()} y={(volume.rect.y + 38).to_string()}>
                        { volume.name.clone() }
                    </text>
                </g>
            }) }
        </svg>
    }
}
