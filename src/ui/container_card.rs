//! One container's card: kind, name, image, state colour and kubectl's
//! reason (with the exit code), restarts, a pull's progress bar, the
//! CrashLoopBackOff countdown ring, a check mark for a finished init
//! container, a lock on an app container still waiting for them, and the
//! last line it logged.

use crate::i18n::{Lang, Text};
use crate::layout::{ContainerCard as Card, ContainerKind};
use crate::scene::ContainerScene;
use yew::prelude::*;

/// The radius of the back-off ring.
const RING_RADIUS: f64 = 11.0;

/// What the card shows.
#[derive(Properties, PartialEq)]
pub struct ContainerCardProps {
    /// Where it goes and what the spec says.
    pub card: Card,
    /// Its state now, once the pod has a status.
    pub state: Option<ContainerScene>,
    /// The page's language.
    pub lang: Lang,
}

/// The container card component.
#[function_component(ContainerCard)]
pub fn container_card(props: &ContainerCardProps) -> Html {
    let card = &props.card;
    let lang = props.lang;
    let r = card.rect;
    let (kind, kind_text) = match card.kind {
        ContainerKind::Init => ("init", Text::Init),
        ContainerKind::Sidecar => ("sidecar", Text::Sidecar),
        ContainerKind::App => ("app", Text::App),
    };
    let state = props.state.as_ref();
    let state_name = state.map_or("waiting", |s| s.state.as_str());
    let reason = state.map_or(String::new(), |s| s.reason.clone());
    let shown_reason = match state.and_then(|s| s.exit_code) {
        Some(code) => format!("{reason} ({code})"),
        None if reason.is_empty() => "Pending".to_string(),
        None => reason.clone(),
    };
    let restarts = state.map_or(0, |s| s.restarts);
    let x = |dx: i32| (r.x + dx).to_string();
    let y = |dy: i32| (r.y + dy).to_string();
    html! {
        <g class={classes!("container-card", kind, state_name, reason_class(&reason), state.is_some_and(|s| s.locked).then_some("locked"))}
           data-container={card.key.clone()} data-kind={kind} data-state={state_name} data-reason={reason.clone()}>
            <title>{ format!("{} · {} · {}", card.key, card.image, shown_reason) }</title>
            <rect class="card" x={x(0)} y={y(0)} width={r.width.to_string()} height={r.height.to_string()} rx="8" />
            <rect class="state-stripe" x={x(0)} y={y(0)} width="6" height={r.height.to_string()} rx="3" />
            <text class="kind-label" x={x(16)} y={y(17)}>{ kind_text.get(lang) }</text>
            <text class="container-name" x={x(16)} y={y(36)}>{ card.name.clone() }</text>
            <text class="container-image" x={x(16)} y={y(53)}>{ card.image.clone() }</text>
            <text class="container-reason" x={x(16)} y={y(72)}>{ shown_reason }</text>
            if restarts > 0 {
                <text class="restarts" x={x(r.width - 10)} y={y(53)} text-anchor="end">
                    { format!("↻ {restarts}") }
                    <title>{ format!("{restarts} {}", Text::Restarts.get(lang)) }</title>
                </text>
            }
            if let Some(line) = state.and_then(|s| s.last_log.clone()) {
                <text class="last-log" x={x(16)} y={y(92)}>{ format!("› {line}") }</text>
            }
            if state.is_some_and(|s| s.done) {
                <text class="badge done" x={x(r.width - 22)} y={y(22)}>{ "✓" }</text>
            }
            if state.is_some_and(|s| s.locked) {
                <g class="badge lock" transform={format!("translate({} {})", r.x + r.width - 26, r.y + 8)}>
                    <title>{ Text::Locked.get(lang) }</title>
                    <path d="M4 7 V5 a4 4 0 0 1 8 0 V7" />
                    <rect x="2" y="7" width="12" height="9" rx="2" />
                </g>
            }
            if let Some(pull) = state.and_then(|s| s.pulling) {
                <g class="pulling">
                    <rect class="progress-track" x={x(10)} y={y(r.height - 10)} width={(r.width - 20).to_string()} height="4" rx="2" />
                    <rect class="progress" x={x(10)} y={y(r.height - 10)}
                          width={((r.width - 20) as u32 * pull.permille / 1000).to_string()} height="4" rx="2" />
                    <title>{ format!("{} {}%", Text::Pulling.get(lang), pull.permille / 10) }</title>
                </g>
            }
            if let Some(back_off) = state.and_then(|s| s.back_off) {
                { back_off_ring(r.x + r.width - 20, r.y + 22, back_off.permille, back_off.left_millis, lang) }
            }
        </g>
    }
}

/// The countdown ring: the part still to wait, and the seconds left.
fn back_off_ring(cx: i32, cy: i32, permille: u32, left_millis: u64, lang: Lang) -> Html {
    let circumference = 2.0 * std::f64::consts::PI * RING_RADIUS;
    let remaining = circumference * f64::from(1000 - permille.min(1000)) / 1000.0;
    let seconds = left_millis.div_ceil(1000);
    html! {
        <g class="back-off" data-seconds-left={seconds.to_string()}>
            <circle class="ring-track" cx={cx.to_string()} cy={cy.to_string()} r={RING_RADIUS.to_string()} />
            <circle class="ring" cx={cx.to_string()} cy={cy.to_string()} r={RING_RADIUS.to_string()}
                    stroke-dasharray={format!("{remaining:.2} {circumference:.2}")}
                    transform={format!("rotate(-90 {cx} {cy})")} />
            <text class="ring-text" x={cx.to_string()} y={(cy + 4).to_string()} text-anchor="middle">{ seconds.to_string() }</text>
            <title>{ format!("{} {seconds}s", Text::BackOff.get(lang)) }</title>
        </g>
    }
}

/// A class for the reasons that get a colour of their own.
fn reason_class(reason: &str) -> Option<&'static str> {
    match reason {
        "CrashLoopBackOff"
        | "Error"
        | "OOMKilled"
        | "ErrImagePull"
        | "ImagePullBackOff"
        | "ErrImageNeverPull"
        | "InvalidImageName"
        | "CreateContainerConfigError" => Some("failing"),
        "Completed" => Some("completed"),
        _ => None,
    }
}
