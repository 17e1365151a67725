//! Redirections: descriptors opened on files, pipes, here-documents, the
//! devices (`/dev/null`, `/dev/zero`, `/dev/full`, …) and the special
//! paths (`/dev/stdout`, `/proc/1/fd/1`).

use super::expansion::Expansion;
use super::os::OpenedPath;
use super::Process;
use crate::runtime::fs::Device;
use crate::runtime::io::Io;
use crate::runtime::pipes::{Endpoint, Stream};
use crate::runtime::shell::ast::{Redirect, RedirectKind, RedirectTarget, WordPart};
use crate::runtime::shell::expand::{self};
use crate::runtime::shell::Flavor;
use std::borrow::Cow;
use std::rc::Rc;

impl Process {
    /// Applies redirections to the current descriptor table.
    pub(super) fn apply_redirects(
        &mut self,
        redirects: &[Redirect],
        heredocs: &Rc<Vec<crate::runtime::shell::ast::HereDoc>>,
        io: &mut Io,
    ) -> Result<(), String> {
        for redirect in redirects {
            let target = match &redirect.target {
                RedirectTarget::Word(word) => match word.parts.as_slice() {
                    // A plain path (`>> /data/out`) is used as written, not copied.
                    [WordPart::Literal(text) | WordPart::SingleQuoted(text)] => {
                        Cow::Borrowed(text.as_str())
                    }
                    _ => Cow::Owned(self.expand_single(word, io).map_err(|e| e.0)?),
                },
                RedirectTarget::HereDoc(index) => {
                    let heredoc = heredocs.get(*index).cloned().unwrap_or_else(|| {
                        crate::runtime::shell::ast::HereDoc {
                            body: String::new(),
                            expand: false,
                        }
                    });
                    let body = if heredoc.expand {
                        expand::expand_heredoc(&heredoc.body, &mut Expansion { process: self, io })
                            .map_err(|e| e.0)?
                    } else {
                        heredoc.body
                    };
                    let pipe = io.pipe_with(body.as_bytes());
                    self.os
                        .descriptors
                        .insert(redirect.fd, Endpoint::PipeRead(pipe));
                    continue;
                }
            };
            let endpoint = match redirect.kind {
                RedirectKind::Duplicate => match target.parse::<u32>() {
                    Ok(fd) => self.os.descriptors.get(fd).unwrap_or(Endpoint::Null),
                    Err(_) if target == "-" => Endpoint::Null,
                    Err(_) => return Err(format!("{target}: bad file descriptor")),
                },
                RedirectKind::Input => {
                    if let Some(device) = Device::at(&self.os.cwd, &target) {
                        Endpoint::Device(device)
                    } else {
                        let data = io
                            .fs
                            .read(&self.os.view, &self.os.cwd, &target)
                            .map_err(|error| match self.vm.flavor {
                                Flavor::Busybox => {
                                    format!("can't open {target}: {}", error.message())
                                }
                                Flavor::Dash => format!("cannot open {target}: No such file"),
                                Flavor::Bash => format!("{target}: {}", error.message()),
                            })?
                            .to_vec();
                        Endpoint::PipeRead(io.pipe_with(&data))
                    }
                }
                RedirectKind::Output | RedirectKind::Append | RedirectKind::OutputAndError => {
                    self.open_for_writing(&target, redirect.kind == RedirectKind::Append, io)?
                }
                RedirectKind::HereDoc => continue,
            };
            if redirect.kind == RedirectKind::OutputAndError {
                self.os.descriptors.insert(2, endpoint);
            }
            self.os.descriptors.insert(redirect.fd, endpoint);
        }
        Ok(())
    }

    pub(super) fn open_for_writing(
        &mut self,
        target: &str,
        append: bool,
        io: &mut Io,
    ) -> Result<Endpoint, String> {
        if let Some(device) = Device::at(&self.os.cwd, target) {
            return Ok(Endpoint::Device(device));
        }
        match target {
            "/dev/stdout" | "/proc/self/fd/1" => {
                return Ok(self.os.descriptors.get(1).unwrap_or(Endpoint::Null))
            }
            "/dev/stderr" | "/proc/self/fd/2" => {
                return Ok(self.os.descriptors.get(2).unwrap_or(Endpoint::Null))
            }
            "/proc/1/fd/1" => {
                return Ok(Endpoint::Log {
                    container: self.os.log,
                    stream: Stream::Stdout,
                })
            }
            "/proc/1/fd/2" => {
                return Ok(Endpoint::Log {
                    container: self.os.log,
                    stream: Stream::Stderr,
                })
            }
            _ => {}
        }
        let generation = io.fs.generation();
        if let Some(opened) = &self.os.last_opened {
            if opened.generation == generation
                && opened.path == target
                && io.fs.write_inode(opened.inode, b"", append).is_ok()
            {
                return Ok(Endpoint::File(opened.inode));
            }
        }
        match io
            .fs
            .write(&self.os.view, &self.os.cwd, target, b"", append)
        {
            Ok(inode) => {
                self.os.last_opened = Some(OpenedPath {
                    generation: io.fs.generation(),
                    path: target.to_string(),
                    inode,
                });
                Ok(Endpoint::File(inode))
            }
            Err(error) => Err(match self.vm.flavor {
                Flavor::Busybox => format!(
                    "can't create {target}: {}",
                    match error {
                        crate::runtime::fs::FsError::NotFound => "nonexistent directory",
                        other => other.message(),
                    }
                ),
                Flavor::Dash => format!(
                    "cannot create {target}: {}",
                    match error {
                        crate::runtime::fs::FsError::NotFound => "Directory nonexistent",
                        other => other.message(),
                    }
                ),
                Flavor::Bash => format!("{target}: {}", error.message()),
            }),
        }
    }
}
