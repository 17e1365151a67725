//! `exit` and `return`: leaving the shell or the innermost function.

use crate::runtime::process::Process;

impl Process {
    /// `exit [N]`: the shell leaves (once its output is flushed) with N, or
    /// the last status.
    pub(super) fn exit(&mut self, arguments: &[String]) -> i32 {
        let code = arguments
            .first()
            .and_then(|a| a.parse().ok())
            .unwrap_or(self.vm.status);
        self.vm.exit_requested = Some(code & 0xff);
        code & 0xff
    }

    /// `return [N]`: leaves the innermost function frame with N, or the last
    /// status.
    pub(super) fn return_from_function(&mut self, arguments: &[String]) -> i32 {
        let code = arguments
            .first()
            .and_then(|a| a.parse().ok())
            .unwrap_or(self.vm.status);
        if let Some(index) = self
            .vm
            .frames
            .iter()
            .rposition(|f| f.saved_positional.is_some())
        {
            if let Some(frame) = self.vm.frames.get_mut(index) {
                frame.pc = frame.code.ops.len();
            }
            self.vm.frames.truncate(index + 1);
        }
        code
    }
}
