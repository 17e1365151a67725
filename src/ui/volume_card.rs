//! One volume's card: its source (emptyDir, hostPath…), its name, and the
//! files inside with their size and latest line.

use crate::i18n::{Lang, Text};
use crate::layout::VolumeCard as Card;
use crate::scene::{VolumeScene, MAX_INDEXED_FILES};
use yew::prelude::*;

/// What the card shows.
#[derive(Properties, PartialEq)]
pub struct VolumeCardProps {
    /// Where it goes and what the spec says.
    pub card: Card,
    /// Its files now, once set up.
    pub state: Option<VolumeScene>,
    /// The page's language.
    pub lang: Lang,
}

/// The volume card component.
#[function_component(VolumeCard)]
pub fn volume_card(props: &VolumeCardProps) -> Html {
    let card = &props.card;
    let r = card.rect;
    let x = |dx: i32| (r.x + dx).to_string();
    let y = |dy: i32| (r.y + dy).to_string();
    let files = props
        .state
        .as_ref()
        .map(|s| s.files.as_slice())
        .unwrap_or_default();
    let count = props.state.as_ref().map_or(0, |s| s.file_count);
    html! {
        <g class={classes!("volume-card", card.source.clone())} data-volume={card.key.clone()}>
            <rect x={x(0)} y={y(0)} width={r.width.to_string()} height={r.height.to_string()} rx="8" />
            <text class="volume-source" x={x(12)} y={y(18)}>
                { card.source.clone() }
                <tspan class="volume-count" dx="8">{ match count {
                    0 => Text::Empty.get(props.lang).to_string(),
                    1 => format!("1 {}", Text::File.get(props.lang)),
                    n if n >= MAX_INDEXED_FILES => format!("{n}+ {}", Text::Files.get(props.lang)),
                    n => format!("{n} {}", Text::Files.get(props.lang)),
                } }</tspan>
            </text>
            <text class="volume-name" x={x(12)} y={y(36)}>{ card.name.clone() }</text>
            { for files.iter().take(2).enumerate().map(|(index, file)| html! {
                <text class="volume-file" x={x(12)} y={y(54 + 16 * index as i32)} data-file={file.path.clone()}>
                    { format!("{} · {} B{}", file.path, file.size,
                        file.last_line.as_ref().map(|l| format!(" · {l}")).unwrap_or_default()) }
                </text>
            }) }
        </g>
    }
}
