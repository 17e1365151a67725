//! What a check asks for, in both languages, from its parameters.

use super::words::{both, lines, pod_words, times};
use super::Check;
use crate::lessons::Bilingual;
use crate::scene::StateKind;

impl Check {
    /// What the check asks for, in both languages.
    pub fn describe(&self) -> Bilingual {
        match self {
            Check::PodStatus { pod, is } => {
                let who = pod_words(pod);
                both(
                    format!("{} 的状态（STATUS）为 {is}", who.zh),
                    format!("{} is {is} (STATUS in kubectl get pods)", who.en),
                )
            }
            Check::ContainerState {
                container,
                state,
                reason,
                ..
            } => {
                let state_words = state.map(StateKind::as_str).unwrap_or_default();
                match reason {
                    Some(reason) if state.is_some() => both(
                        format!("容器 {container} 处于 {state_words} 状态，原因为 {reason}"),
                        format!("container {container} is {state_words} ({reason})"),
                    ),
                    Some(reason) => both(
                        format!("容器 {container} 的原因（reason）为 {reason}"),
                        format!("container {container}'s reason is {reason}"),
                    ),
                    None => both(
                        format!("容器 {container} 处于 {state_words} 状态"),
                        format!("container {container} is {state_words}"),
                    ),
                }
            }
            Check::RestartsAtLeast {
                container, count, ..
            } => both(
                format!("容器 {container} 至少重启了 {count} 次"),
                format!(
                    "container {container} has restarted at least {}",
                    times(*count)
                ),
            ),
            Check::LogLinesAtLeast {
                container, count, ..
            } => both(
                format!("容器 {container} 的日志至少有 {count} 行"),
                format!(
                    "container {container} has logged at least {}",
                    lines(*count as usize)
                ),
            ),
            Check::LogContains {
                container, text, ..
            } => both(
                format!("容器 {container} 的日志中有“{text}”"),
                format!("container {container}'s log contains “{text}”"),
            ),
            Check::Event { pod, reason } => match pod {
                Some(pod) => both(
                    format!("Pod {pod} 有原因为 {reason} 的事件"),
                    format!("pod {pod} has an event with reason {reason}"),
                ),
                None => both(
                    format!("出现了原因为 {reason} 的事件"),
                    format!("an event with reason {reason} was recorded"),
                ),
            },
            Check::NoPortClash { pod } => {
                let who = pod_words(pod);
                both(
                    format!("{} 中没有端口冲突", who.zh),
                    format!("no port clash in {}", who.en),
                )
            }
            Check::ServiceExists { name } => both(
                format!("Service {name} 已创建"),
                format!("Service {name} exists"),
            ),
            Check::CommandRan(command) => both(
                format!("运行过 `{command}`"),
                format!("you ran `{command}`"),
            ),
            Check::OutputContains(text) => both(
                format!("终端输出中出现过“{text}”"),
                format!("the terminal showed “{text}”"),
            ),
        }
    }
}
