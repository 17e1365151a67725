//! Draws the pod as SVG from the core's geometry ([`Diagram`]) and state
//! ([`PodScene`]): the node, the pod with its phase and condition lights, the
//! pause container holding the shared namespaces and the ports, the
//! container and volume cards, the mount lines, the packets on their way, and
//! the narration line.

use super::container_card::ContainerCard;
use super::volume_card::VolumeCard;
use crate::i18n::Lang;
use crate::layout::{point_along, Diagram};
use crate::scene::{Packet, PacketKind, PodScene};
use std::rc::Rc;
use yew::prelude::*;

/// What the diagram shows.
#[derive(Properties, PartialEq)]
pub struct PodDiagramProps {
    /// Where everything goes.
    pub layout: Rc<Diagram>,
    /// The pod's state now.
    pub scene: Rc<PodScene>,
    /// The page's language.
    pub lang: Lang,
    /// Draw no moving packets (`prefers-reduced-motion`).
    pub reduced_motion: bool,
}

/// The pod diagram component.
#[function_component(PodDiagram)]
pub fn pod_diagram(props: &PodDiagramProps) -> Html {
    let d = &props.layout;
    let scene = &props.scene;
    let lang = props.lang;
    let view_box = format!("0 0 {} {}", d.width, d.height);
    let pause = &scene.pause;
    let pause_state = if pause.running {
        "running"
    } else if scene.terminating {
        "terminated"
    } else {
        "waiting"
    };
    let network = match (&pause.ip, &pause.mac) {
        (Some(ip), Some(mac)) => format!("eth0 {ip} · {mac} · lo 127.0.0.1"),
        (Some(ip), None) => format!("eth0 {ip} · lo 127.0.0.1"),
        _ => "eth0 —".to_string(),
    };
    let namespaces = if pause.shared_pid {
        format!("PID 1 /pause · net · ipc · uts ({})", pause.hostname)
    } else {
        format!("net · ipc · uts ({})", pause.hostname)
    };
    html! {
        <figure class="diagram">
            <svg class="pod-diagram" viewBox={view_box} role="img" aria-label="Pod diagram"
                 preserveAspectRatio="xMidYMin meet">
                <rect class="node-frame" x={d.node.x.to_string()} y={d.node.y.to_string()}
                      width={d.node.width.to_string()} height={d.node.height.to_string()} rx="10" />
                <text class="node-title" x="14" y="21">{ format!("node · {}", d.node_name) }</text>

                <g class={classes!("pod-box", format!("phase-{}", scene.phase.to_ascii_lowercase()))} data-phase={scene.phase.clone()}>
                    <rect x={d.pod.x.to_string()} y={d.pod.y.to_string()}
                          width={d.pod.width.to_string()} height={d.pod.height.to_string()} rx="12" />
                    <text class="pod-title" x={(d.pod.x + 14).to_string()} y={(d.pod.y + 21).to_string()}>
                        { format!("Pod {} · {} · {}", d.pod_name, scene.ready, scene.status) }
                    </text>
                    { for scene.conditions.iter().enumerate().map(|(index, (name, holds))| {
                        let (cx, cy) = d.condition_light(index, scene.conditions.len());
                        html! {
                        <circle class={classes!("condition", holds.then_some("true"))}
                                cx={cx.to_string()} cy={cy.to_string()} r="5">
                            <title>{ format!("{name}: {}", if *holds { "True" } else { "False" }) }</title>
                        </circle>
                        }
                    }) }
                </g>

                <g class={classes!("pause-container", pause_state)} data-container="pause" data-kind="sandbox"
                   data-state={pause_state}>
                    <rect x={d.pause.x.to_string()} y={d.pause.y.to_string()}
                          width={d.pause.width.to_string()} height={d.pause.height.to_string()} rx="8" />
                    <text class="pause-name" x={(d.pause.x + 12).to_string()} y={(d.pause.y + 19).to_string()}>
                        { "pause" }
                        <tspan class="pause-detail" dx="10">{ namespaces }</tspan>
                    </text>
                    <text class="pause-network" x={(d.pause.x + 12).to_string()} y={(d.pause.y + 38).to_string()}>
                        { network }
                    </text>
                    if let Some(progress) = pause.creating {
                        <rect class="progress" x={d.pause.x.to_string()} y={(d.pause.bottom() - 4).to_string()}
                              width={(d.pause.width as u32 * progress.permille / 1000).to_string()} height="4" />
                    }
                    { for scene.ports.iter().enumerate().map(|(index, port)| {
                        let chip = d.port_chip(index);
                        let label = match (&port.owner, &port.clash) {
                            (Some(owner), Some(_)) => format!(":{} {owner} ✕", port.port),
                            (Some(owner), None) => format!(":{} {owner}", port.port),
                            (None, _) => format!(":{} ✕", port.port),
                        };
                        html! {
                            <g class={classes!("port", port.clash.is_some().then_some("clash"))} data-port={port.port.to_string()}>
                                <rect x={chip.x.to_string()} y={chip.y.to_string()} width={chip.width.to_string()}
                                      height={chip.height.to_string()} rx="11" />
                                <text x={(chip.x + 10).to_string()} y={(chip.y + 15).to_string()}>{ label }</text>
                                if let Some(clash) = &port.clash {
                                    <title>{ format!("{clash}: bind() to 0.0.0.0:{} failed (98: Address in use)", port.port) }</title>
                                }
                            </g>
                        }
                    }) }
                </g>

                { for d.mounts.iter().map(|mount| html! {
                    <g class="mount">
                        <line x1={mount.from.0.to_string()} y1={mount.from.1.to_string()}
                              x2={mount.to.0.to_string()} y2={mount.to.1.to_string()} />
                        <text class="mount-path" x={mount.label_at.0.to_string()} y={mount.label_at.1.to_string()}
                              text-anchor="middle">{ mount.label.clone() }</text>
                    </g>
                }) }

                { for d.containers.windows(2).filter(|pair| pair[0].rect.y == pair[1].rect.y
                        && pair[0].kind != crate::layout::ContainerKind::App).map(|pair| {
                    let y = pair[0].rect.y + pair[0].rect.height / 2;
                    html! {
                        <line class="sequence" x1={(pair[0].rect.x + pair[0].rect.width + 3).to_string()} y1={y.to_string()}
                              x2={(pair[1].rect.x - 5).to_string()} y2={y.to_string()} marker-end="url(#arrow)" />
                    }
                }) }

                { for d.containers.iter().map(|card| {
                    let state = scene.containers.iter().find(|c| c.name == card.key).cloned();
                    html! { <ContainerCard card={card.clone()} state={state} lang={lang} /> }
                }) }

                { for d.volumes.iter().map(|card| {
                    let state = scene.volumes.iter().find(|v| v.name == card.key).cloned();
                    html! { <VolumeCard card={card.clone()} state={state} lang={lang} /> }
                }) }

                if !props.reduced_motion {
                    { for scene.packets.iter().filter_map(|packet| packet_dot(d, scene, packet)) }
                }

                <defs>
                    <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
                        <path d="M 0 0 L 10 5 L 0 10 z" class="arrow-head" />
                    </marker>
                </defs>
            </svg>
            <figcaption class="narration" aria-live="polite">{ scene.narration.text(lang) }</figcaption>
        </figure>
    }
}

/// A packet as a dot on its line, or nothing when its line is not drawn.
fn packet_dot(d: &Diagram, scene: &PodScene, packet: &Packet) -> Option<Html> {
    let (from, to, class) = match &packet.kind {
        PacketKind::Write { volume } => {
            let mount = d.mount(&packet.container, volume)?;
            (mount.from, mount.to, "write")
        }
        PacketKind::Read { volume } => {
            let mount = d.mount(&packet.container, volume)?;
            (mount.to, mount.from, "read")
        }
        PacketKind::Connect { port } | PacketKind::Refused { port } => {
            let card = d.container(&packet.container)?;
            let index = scene.ports.iter().position(|p| p.port == *port)?;
            let chip = d.port_chip(index);
            let class = if matches!(packet.kind, PacketKind::Connect { .. }) {
                "connect"
            } else {
                "refused"
            };
            (
                (card.rect.center_x(), card.rect.y),
                (chip.center_x(), chip.bottom()),
                class,
            )
        }
        PacketKind::Outbound { .. } => {
            let card = d.container(&packet.container)?;
            ((card.rect.center_x(), card.rect.y), d.eth0(), "outbound")
        }
        PacketKind::Inbound { port } => {
            let index = scene.ports.iter().position(|p| p.port == *port)?;
            let chip = d.port_chip(index);
            (d.eth0(), chip.center(), "inbound")
        }
    };
    let (x, y) = point_along(from, to, packet.permille);
    Some(html! {
        <circle class={classes!("packet", class)} cx={x.to_string()} cy={y.to_string()} r="5"
                data-packet={class} data-from={packet.container.clone()} />
    })
}
