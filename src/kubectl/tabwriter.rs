//! Go's `text/tabwriter` elastic tabstops, as kubectl uses them.
//!
//! Input is text whose cells end in `\t`; the last cell of a line is not a
//! column and is never padded. A column's width is decided per *block*: the run
//! of consecutive lines that have a cell in that column. Widths count characters
//! (runes), as Go does. This is the algorithm of Go's `Writer.format`, written
//! recursively over columns the same way.

/// How a table is padded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TabWriter {
    /// The narrowest a column may be, padding included.
    pub min_width: usize,
    /// Spaces added after the widest cell of a column.
    pub padding: usize,
}

impl TabWriter {
    /// `kubectl get`'s table writer: minwidth 6, padding 3 (cli-runtime `GetNewTabWriter`).
    pub const GET: TabWriter = TabWriter {
        min_width: 6,
        padding: 3,
    };

    /// `kubectl describe`'s writer: minwidth 0, padding 2 (`tabbedString`).
    pub const DESCRIBE: TabWriter = TabWriter {
        min_width: 0,
        padding: 2,
    };

    /// Aligns `text` (cells separated by `\t`, lines by `\n`).
    pub fn format(&self, text: &str) -> String {
        let lines: Vec<Vec<&str>> = text.split('\n').map(|l| l.split('\t').collect()).collect();
        let mut out = String::with_capacity(text.len() * 2);
        let mut widths = Vec::new();
        self.format_block(&lines, 0, lines.len(), &mut widths, &mut out);
        out
    }

    fn format_block(
        &self,
        lines: &[Vec<&str>],
        mut first: usize,
        end: usize,
        widths: &mut Vec<usize>,
        out: &mut String,
    ) {
        let column = widths.len();
        let mut this = first;
        while this < end {
            if column + 1 >= lines[this].len() {
                this += 1;
                continue;
            }
            // A block of lines with a cell in `column` starts here.
            write_lines(lines, first, this, widths, out);
            first = this;
            let mut width = self.min_width;
            while this < end && column + 1 < lines[this].len() {
                width = width.max(lines[this][column].chars().count() + self.padding);
                this += 1;
            }
            widths.push(width);
            self.format_block(lines, first, this, widths, out);
            widths.pop();
            first = this;
        }
        write_lines(lines, first, end, widths, out);
    }
}

fn write_lines(lines: &[Vec<&str>], first: usize, end: usize, widths: &[usize], out: &mut String) {
    for (index, line) in lines.iter().enumerate().take(end).skip(first) {
        for (column, cell) in line.iter().enumerate() {
            out.push_str(cell);
            if column + 1 < line.len() {
                if let Some(width) = widths.get(column) {
                    let used = cell.chars().count();
                    out.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
                }
            }
        }
        if index + 1 < lines.len() {
            out.push('\n');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn get_tables_pad_every_column_but_the_last_by_three() {
        let table = TabWriter::GET
            .format("NAME\tREADY\tSTATUS\tRESTARTS\tAGE\nnginx\t1/1\tRunning\t0\t11s\n");
        assert_eq!(
            table,
            "NAME    READY   STATUS    RESTARTS   AGE\nnginx   1/1     Running   0          11s\n"
        );
    }

    #[test]
    fn a_line_without_tabs_ends_a_column_block() {
        let text = "Name:\tnginx\nContainers:\n  a:\tx\n  longer:\ty\n";
        assert_eq!(
            TabWriter::DESCRIBE.format(text),
            "Name:  nginx\nContainers:\n  a:       x\n  longer:  y\n"
        );
    }

    #[test]
    fn width_counts_characters_not_bytes() {
        assert_eq!(
            TabWriter::GET.format("名字\tx\nab\ty"),
            "名字    x\nab    y"
        );
    }
}
