//! The page's two languages and every word of its own (kubectl's output
//! stays as kubectl prints it). Each word is a variant of [`Text`], and
//! [`Text::get`] matches on (word, language) exhaustively, so a word missing
//! in either language does not compile.

/// A language of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Lang {
    /// Simplified Chinese.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// The language a tag names (`zh`, `zh-CN`, `en-US`…); Chinese for `zh*`,
    /// English for any other tag.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The other language.
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }
}

/// A word or phrase of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    Tagline,
    Play,
    Pause,
    Step,
    Restart,
    Speed,
    Examples,
    ResetExample,
    Language,
    Theme,
    Help,
    Close,
    Events,
    Logs,
    Terminal,
    Status,
    NoEvents,
    NoLogs,
    NoPodToDraw,
    EngineLoading,
    EngineFailed,
    RunningAt,
    RunningAtWhy,
    NeverSleepsBefore,
    NeverSleepsAfter,
    Seeking,
    Cancel,
    SaveFailed,
    EditorHasErrors,
    Init,
    Sidecar,
    App,
    Locked,
    Restarts,
    Pulling,
    BackOff,
    File,
    Files,
    Empty,
    Shortcuts,
    ShortcutPlay,
    ShortcutStep,
    ShortcutTerminal,
    ShortcutHelp,
    TerminalPlaceholder,
    Time,
    OpenInPodplay,
    Share,
    ShareTitle,
    ShareRefused,
    Lessons,
    LeaveLesson,
    Hint,
    StepsDone,
    LessonDone,
    TryIt,
}

impl Text {
    /// Every word, for the tests that check both languages.
    pub const ALL: [Text; 56] = [
        Text::Tagline,
        Text::Play,
        Text::Pause,
        Text::Step,
        Text::Restart,
        Text::Speed,
        Text::Examples,
        Text::ResetExample,
        Text::Language,
        Text::Theme,
        Text::Help,
        Text::Close,
        Text::Events,
        Text::Logs,
        Text::Terminal,
        Text::Status,
        Text::NoEvents,
        Text::NoLogs,
        Text::NoPodToDraw,
        Text::EngineLoading,
        Text::EngineFailed,
        Text::RunningAt,
        Text::RunningAtWhy,
        Text::NeverSleepsBefore,
        Text::NeverSleepsAfter,
        Text::Seeking,
        Text::Cancel,
        Text::SaveFailed,
        Text::EditorHasErrors,
        Text::Init,
        Text::Sidecar,
        Text::App,
        Text::Locked,
        Text::Restarts,
        Text::Pulling,
        Text::BackOff,
        Text::File,
        Text::Files,
        Text::Empty,
        Text::Shortcuts,
        Text::ShortcutPlay,
        Text::ShortcutStep,
        Text::ShortcutTerminal,
        Text::ShortcutHelp,
        Text::TerminalPlaceholder,
        Text::Time,
        Text::OpenInPodplay,
        Text::Share,
        Text::ShareTitle,
        Text::ShareRefused,
        Text::Lessons,
        Text::LeaveLesson,
        Text::Hint,
        Text::StepsDone,
        Text::LessonDone,
        Text::TryIt,
    ];

    /// The word in `lang`.
    #[expect(
        clippy::too_many_lines,
        reason = "one flat table of every word in both languages reads best whole"
    )]
    pub fn get(self, lang: Lang) -> &'static str {
        use Lang::{En, Zh};
        match (self, lang) {
            (Text::Tagline, Zh) => "Kubernetes Pod 实验场",
            (Text::Tagline, En) => "a Kubernetes Pod playground",
            (Text::Play, Zh) => "播放",
            (Text::Play, En) => "Play",
            (Text::Pause, Zh) => "暂停",
            (Text::Pause, En) => "Pause",
            (Text::Step, Zh) => "下一事件",
            (Text::Step, En) => "Next event",
            (Text::Restart, Zh) => "从头开始",
            (Text::Restart, En) => "Back to start",
            (Text::Speed, Zh) => "速度",
            (Text::Speed, En) => "Speed",
            (Text::Examples, Zh) => "示例",
            (Text::Examples, En) => "Examples",
            (Text::ResetExample, Zh) => "重置示例",
            (Text::ResetExample, En) => "Reset example",
            (Text::Language, Zh) => "English",
            (Text::Language, En) => "中文",
            (Text::Theme, Zh) => "切换明暗主题",
            (Text::Theme, En) => "Toggle light/dark theme",
            (Text::Help, Zh) => "快捷键",
            (Text::Help, En) => "Shortcuts",
            (Text::Close, Zh) => "关闭",
            (Text::Close, En) => "Close",
            (Text::Events, Zh) => "事件",
            (Text::Events, En) => "Events",
            (Text::Logs, Zh) => "日志",
            (Text::Logs, En) => "Logs",
            (Text::Terminal, Zh) => "终端",
            (Text::Terminal, En) => "Terminal",
            (Text::Status, Zh) => "状态",
            (Text::Status, En) => "Status",
            (Text::NoEvents, Zh) => "还没有事件。",
            (Text::NoEvents, En) => "No events yet.",
            (Text::NoLogs, Zh) => "还没有日志。",
            (Text::NoLogs, En) => "No logs yet.",
            (Text::NoPodToDraw, Zh) => "还没有 Pod 可画",
            (Text::NoPodToDraw, En) => "No Pod to draw yet",
            (Text::EngineLoading, Zh) => "正在载入模拟器…",
            (Text::EngineLoading, En) => "Loading the simulator…",
            (Text::EngineFailed, Zh) => "模拟器没能载入：图中只是 YAML 声明的 Pod。请刷新页面重试。",
            (Text::EngineFailed, En) => "The simulator could not be loaded: the diagram shows only the Pod the YAML declares. Reload the page to try again.",
            (Text::RunningAt, Zh) => "实际速度 ",
            (Text::RunningAt, En) => "running at ",
            (Text::RunningAtWhy, Zh) => "容器忙得模拟跟不上所选速度：时钟按模拟实际能跑的速度走。",
            (Text::RunningAtWhy, En) => "The containers keep the simulation too busy for the chosen speed: the clock goes as fast as the run really does.",
            (Text::NeverSleepsBefore, Zh) => "：容器 ",
            (Text::NeverSleepsBefore, En) => ": container ",
            (Text::NeverSleepsAfter, Zh) => " 从不休眠",
            (Text::NeverSleepsAfter, En) => " never sleeps",
            (Text::Seeking, Zh) => "正在跳到 ",
            (Text::Seeking, En) => "Going to ",
            (Text::Cancel, Zh) => "取消",
            (Text::Cancel, En) => "Cancel",
            (Text::SaveFailed, Zh) => "无法保存到浏览器：",
            (Text::SaveFailed, En) => "Your work could not be saved in this browser: ",
            (Text::EditorHasErrors, Zh) => "YAML 有错误：图中仍是上一次正确的版本。",
            (Text::EditorHasErrors, En) => {
                "The YAML has errors: the diagram shows the last version without errors."
            }
            (Text::Init, Zh) => "init",
            (Text::Init, En) => "init",
            (Text::Sidecar, Zh) => "sidecar",
            (Text::Sidecar, En) => "sidecar",
            (Text::App, Zh) => "app",
            (Text::App, En) => "app",
            (Text::Locked, Zh) => "等待 init 容器完成",
            (Text::Locked, En) => "waits for init containers",
            (Text::Restarts, Zh) => "重启",
            (Text::Restarts, En) => "restarts",
            (Text::Pulling, Zh) => "拉取镜像",
            (Text::Pulling, En) => "pulling",
            (Text::BackOff, Zh) => "退避",
            (Text::BackOff, En) => "back-off",
            (Text::File, Zh) => "个文件",
            (Text::File, En) => "file",
            (Text::Files, Zh) => "个文件",
            (Text::Files, En) => "files",
            (Text::Empty, Zh) => "（空）",
            (Text::Empty, En) => "(empty)",
            (Text::Shortcuts, Zh) => "键盘快捷键",
            (Text::Shortcuts, En) => "Keyboard shortcuts",
            (Text::ShortcutPlay, Zh) => "播放 / 暂停",
            (Text::ShortcutPlay, En) => "play / pause",
            (Text::ShortcutStep, Zh) => "跳到下一个事件",
            (Text::ShortcutStep, En) => "step to the next event",
            (Text::ShortcutTerminal, Zh) => "聚焦终端",
            (Text::ShortcutTerminal, En) => "focus the terminal",
            (Text::ShortcutHelp, Zh) => "显示本帮助",
            (Text::ShortcutHelp, En) => "show this help",
            (Text::TerminalPlaceholder, Zh) => "输入 kubectl 命令，如 kubectl get pods",
            (Text::TerminalPlaceholder, En) => "type a kubectl command, e.g. kubectl get pods",
            (Text::Time, Zh) => "虚拟时间",
            (Text::Time, En) => "virtual time",
            (Text::OpenInPodplay, Zh) => "在 podplay 中打开 ↗",
            (Text::OpenInPodplay, En) => "Open in podplay ↗",
            (Text::Share, Zh) => "分享",
            (Text::Share, En) => "Share",
            (Text::ShareTitle, Zh) => "分享这个实验：链接里有 YAML、输入过的命令和当前时间",
            (Text::ShareTitle, En) => {
                "Share this run: the link holds the YAML, the commands typed and the current time"
            }
            (Text::ShareRefused, Zh) => "分享链接无效，已忽略：",
            (Text::ShareRefused, En) => "This share link was refused: ",
            (Text::Lessons, Zh) => "课程",
            (Text::Lessons, En) => "Lessons",
            (Text::LeaveLesson, Zh) => "离开课程",
            (Text::LeaveLesson, En) => "Leave lesson",
            (Text::Hint, Zh) => "提示",
            (Text::Hint, En) => "Hint",
            (Text::StepsDone, Zh) => "步已完成",
            (Text::StepsDone, En) => "steps done",
            (Text::LessonDone, Zh) => "全部完成！",
            (Text::LessonDone, En) => "All done!",
            (Text::TryIt, Zh) => "点击在终端运行",
            (Text::TryIt, En) => "click to run in the terminal",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_has_both_languages_and_chinese_is_chinese() {
        // Words kept as Kubernetes writes them in both languages.
        let same = [Text::Init, Text::Sidecar, Text::App];
        for text in Text::ALL {
            let (zh, en) = (text.get(Lang::Zh), text.get(Lang::En));
            assert!(!zh.is_empty() && !en.is_empty(), "{text:?}");
            if !same.contains(&text) {
                assert_ne!(zh, en, "{text:?} is not translated");
            }
        }
        let chinese = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        let untranslatable = [Text::Init, Text::Sidecar, Text::App, Text::Language];
        for text in Text::ALL
            .into_iter()
            .filter(|t| !untranslatable.contains(t))
        {
            assert!(chinese(text.get(Lang::Zh)), "{text:?} has no Chinese");
        }
    }

    #[test]
    fn browser_language_tags_choose_chinese_or_english() {
        assert_eq!(Lang::from_tag("zh-CN"), Lang::Zh);
        assert_eq!(Lang::from_tag("zh-Hant-TW"), Lang::Zh);
        assert_eq!(Lang::from_tag("en-US"), Lang::En);
        assert_eq!(Lang::from_tag("fr"), Lang::En);
    }
}
