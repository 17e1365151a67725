//! The syntax tree printed back: a compact, stable form for golden tests,
//! words as the shell would re-quote them, commands as S-expressions.

use super::{
    AndOr, Command, CompoundCommand, Connector, List, Parameter, ParameterOperation, Pipeline,
    Redirect, RedirectKind, RedirectTarget, Word, WordPart,
};
use std::fmt;

impl fmt::Display for Word {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for part in &self.parts {
            write!(f, "{part}")?;
        }
        Ok(())
    }
}

impl fmt::Display for WordPart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WordPart::Literal(text) => f.write_str(text),
            WordPart::SingleQuoted(text) => write!(f, "'{text}'"),
            WordPart::DoubleQuoted(parts) => {
                f.write_str("\"")?;
                for part in parts {
                    write!(f, "{part}")?;
                }
                f.write_str("\"")
            }
            WordPart::Parameter(parameter) => write!(f, "{parameter}"),
            WordPart::CommandSubstitution(program) => write!(f, "$({})", program.body),
            WordPart::Arithmetic(expression) => write!(f, "$(({expression}))"),
        }
    }
}

impl fmt::Display for Parameter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let colon = |c: &bool| if *c { ":" } else { "" };
        let name = &self.name;
        match &self.operation {
            ParameterOperation::Value => write!(f, "${{{name}}}"),
            ParameterOperation::Length => write!(f, "${{#{name}}}"),
            ParameterOperation::Default { colon: c, word } => {
                write!(f, "${{{name}{}-{word}}}", colon(c))
            }
            ParameterOperation::Assign { colon: c, word } => {
                write!(f, "${{{name}{}={word}}}", colon(c))
            }
            ParameterOperation::Alternative { colon: c, word } => {
                write!(f, "${{{name}{}+{word}}}", colon(c))
            }
            ParameterOperation::Error { colon: c, word } => {
                write!(f, "${{{name}{}?{word}}}", colon(c))
            }
            ParameterOperation::RemovePrefix { longest, pattern } => {
                write!(
                    f,
                    "${{{name}{}{pattern}}}",
                    if *longest { "##" } else { "#" }
                )
            }
            ParameterOperation::RemoveSuffix { longest, pattern } => {
                write!(
                    f,
                    "${{{name}{}{pattern}}}",
                    if *longest { "%%" } else { "%" }
                )
            }
        }
    }
}

impl fmt::Display for List {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, item) in self.items.iter().enumerate() {
            if index > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{}", item.and_or)?;
            if item.background {
                f.write_str(" &")?;
            }
        }
        Ok(())
    }
}

impl fmt::Display for AndOr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.rest.is_empty() {
            return write!(f, "{}", self.first);
        }
        write!(f, "(and-or {}", self.first)?;
        for (connector, pipeline) in &self.rest {
            let op = match connector {
                Connector::And => "&&",
                Connector::Or => "||",
            };
            write!(f, " {op} {pipeline}")?;
        }
        f.write_str(")")
    }
}

impl fmt::Display for Pipeline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.commands.len() == 1 && !self.negated {
            return write!(f, "{}", self.commands[0]);
        }
        f.write_str(if self.negated { "(! " } else { "(pipe " })?;
        for (index, command) in self.commands.iter().enumerate() {
            if index > 0 {
                f.write_str(" | ")?;
            }
            write!(f, "{command}")?;
        }
        f.write_str(")")
    }
}

fn write_redirects(f: &mut fmt::Formatter<'_>, redirects: &[Redirect]) -> fmt::Result {
    for redirect in redirects {
        let op = match redirect.kind {
            RedirectKind::Input => "<",
            RedirectKind::Output => ">",
            RedirectKind::Append => ">>",
            RedirectKind::Duplicate => ">&",
            RedirectKind::OutputAndError => "&>",
            RedirectKind::HereDoc => "<<",
        };
        match &redirect.target {
            RedirectTarget::Word(word) => write!(f, " {}{op}{word}", redirect.fd)?,
            RedirectTarget::HereDoc(index) => write!(f, " {}{op}#{index}", redirect.fd)?,
        }
    }
    Ok(())
}

fn write_words(f: &mut fmt::Formatter<'_>, words: &[Word]) -> fmt::Result {
    for word in words {
        write!(f, " [{word}]")?;
    }
    Ok(())
}

impl fmt::Display for Command {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Command::Simple {
                assignments,
                words,
                redirects,
            } => {
                f.write_str("(cmd")?;
                for (name, value) in assignments {
                    write!(f, " {name}=[{value}]")?;
                }
                write_words(f, words)?;
                write_redirects(f, redirects)?;
                f.write_str(")")
            }
            Command::Compound { body, redirects } => {
                write!(f, "{body}")?;
                if !redirects.is_empty() {
                    f.write_str(" (redirect")?;
                    write_redirects(f, redirects)?;
                    f.write_str(")")?;
                }
                Ok(())
            }
            Command::FunctionDefinition { name, body } => write!(f, "(function {name} {body})"),
        }
    }
}

impl fmt::Display for CompoundCommand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CompoundCommand::If {
                branches,
                otherwise,
            } => {
                f.write_str("(if")?;
                for (condition, body) in branches {
                    write!(f, " ({condition}) then ({body})")?;
                }
                if let Some(otherwise) = otherwise {
                    write!(f, " else ({otherwise})")?;
                }
                f.write_str(")")
            }
            CompoundCommand::For { name, words, body } => {
                write!(f, "(for {name}")?;
                if let Some(words) = words {
                    f.write_str(" in")?;
                    write_words(f, words)?;
                }
                write!(f, " do ({body}))")
            }
            CompoundCommand::While { condition, body } => {
                write!(f, "(while ({condition}) do ({body}))")
            }
            CompoundCommand::Until { condition, body } => {
                write!(f, "(until ({condition}) do ({body}))")
            }
            CompoundCommand::Case { word, arms } => {
                write!(f, "(case [{word}]")?;
                for arm in arms {
                    f.write_str(" (")?;
                    for (index, pattern) in arm.patterns.iter().enumerate() {
                        if index > 0 {
                            f.write_str("|")?;
                        }
                        write!(f, "{pattern}")?;
                    }
                    write!(f, ") ({}))", arm.body)?;
                }
                f.write_str(")")
            }
            CompoundCommand::Group(list) => write!(f, "(group {list})"),
            CompoundCommand::Subshell(list) => write!(f, "(subshell {list})"),
        }
    }
}
