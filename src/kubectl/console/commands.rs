//! The kubectl command table: each subcommand's name and the function that
//! runs it over a [`Context`], and what the console does with the
//! [`Effect`] it returns (follow output, open a shell or redis-cli).

use super::mode::Mode;
use super::suggest::{suggestions, KUBECTL_V135_COMMANDS};
use super::Console;
use crate::kubectl::context::Context;
use crate::kubectl::effect::Effect;
use crate::kubectl::errors::ConsoleError;
use crate::kubectl::sink::Output;
use crate::kubectl::{
    annotate, api_resources, apply, delete, describe, exec, explain, get, info, label, logs, run,
    top,
};

/// A kubectl subcommand: it runs over a narrow context and says what the
/// console must do next.
type Command = fn(Context<'_>, &[String]) -> Result<Effect, ConsoleError>;

/// The kubectl subcommands the console simulates, by name.
const KUBECTL_COMMANDS: [(&str, Command); 15] = [
    ("apply", apply::apply),
    ("create", apply::create),
    ("get", get::get),
    ("logs", logs::logs),
    ("exec", exec::exec),
    ("delete", delete::delete),
    ("run", run::run),
    ("version", info::version),
    ("label", label::label),
    ("cluster-info", info::cluster_info),
    ("describe", describe::describe),
    ("annotate", annotate::annotate),
    ("api-resources", api_resources::api_resources),
    ("explain", explain::explain),
    ("top", top::top),
];

impl Console {
    /// `kubectl ARGS`: the subcommand from the table, then its effect.
    pub(super) fn kubectl(
        &mut self,
        arguments: &[String],
        stdin: Option<&str>,
        output: &mut Output,
    ) -> Result<(), ConsoleError> {
        // Bare `kubectl` prints its help, which is not simulated yet.
        let Some((command, rest)) = arguments.split_first() else {
            return Err(ConsoleError::NotSimulatedCommand {
                command: String::new(),
            });
        };
        let Some((_, run)) = KUBECTL_COMMANDS.iter().find(|(name, _)| name == command) else {
            // A subcommand kubectl has is not simulated yet; only one it
            // lacks is unknown, with its suggestions.
            if command == "help" || KUBECTL_V135_COMMANDS.contains(&command.as_str()) {
                return Err(ConsoleError::NotSimulatedCommand {
                    command: command.clone(),
                });
            }
            return Err(ConsoleError::UnknownKubectlCommand {
                command: command.clone(),
                suggestions: suggestions(command),
            });
        };
        let context = Context {
            cluster: &mut self.cluster,
            files: &mut self.files,
            output,
            stdin,
        };
        let effect = run(context, rest)?;
        self.take_effect(effect, output)
    }

    /// Does what a command asked once it had printed.
    fn take_effect(&mut self, effect: Effect, output: &mut Output) -> Result<(), ConsoleError> {
        match effect {
            Effect::None => Ok(()),
            Effect::Follow(follow) => {
                self.follow = Some(follow);
                Ok(())
            }
            Effect::OpenShell(session) => {
                self.mode = Mode::Shell(session);
                Ok(())
            }
            Effect::OpenRedis(redis) => self.open_redis(redis, output),
        }
    }
}
