//! Bar charts for the reports, drawn on the server as SVG a screen reader
//! can read (a title and a description naming every bar's figure) and a
//! printer can print (plain fills and text), beside the table that holds
//! the same numbers. Bars grow from the reading direction's start: from
//! the right in Arabic. Written as a small template rather than with a
//! plotting crate, whose SVG text ignores the page's direction and whose
//! output has no title or description to read out.

use crate::domain::report::Counts;
use crate::i18n::Lang;
use crate::web::page::PageCtx;
use crate::web::registrar::reports::RegionShare;

/// The drawing's width and the parts of it, in SVG units.
const WIDTH: i64 = 640;
const LABELS: i64 = 210;
const GAP: i64 = 10;
const VALUE_ROOM: i64 = 70;
const ROW: i64 = 34;
const BAR: i64 = 22;

/// One bar, placed.
pub struct Bar {
    pub label: String,
    pub value: String,
    pub y: i64,
    pub text_y: i64,
    pub bar_x: i64,
    pub bar_width: i64,
    pub label_x: i64,
    pub label_anchor: &'static str,
    pub value_x: i64,
    pub value_anchor: &'static str,
}

/// A chart ready for the template.
pub struct Chart {
    pub id: String,
    pub title: String,
    /// Every bar's label and figure in a sentence, for screen readers.
    pub description: String,
    pub height: i64,
    pub width: i64,
    pub bars: Vec<Bar>,
}

/// A horizontal bar chart of `(label, value)`; `shown` is how a value is
/// written beside its bar (a count, or a count and a share).
pub fn bars(id: &str, title: String, items: &[(String, i64, String)], lang: Lang) -> Chart {
    let max = items
        .iter()
        .map(|(_, value, _)| *value)
        .max()
        .unwrap_or(0)
        .max(1);
    let room = WIDTH - LABELS - GAP - VALUE_ROOM;
    let rtl = lang == Lang::Ar;
    let bars = items
        .iter()
        .zip(0..)
        .map(|((label, value, shown), row)| {
            let width = (room * value.max(&0)) / max;
            let y = row * ROW + (ROW - BAR) / 2;
            let (bar_x, label_x, label_anchor, value_x, value_anchor) = if rtl {
                let edge = WIDTH - LABELS - GAP;
                (edge - width, WIDTH - 4, "end", edge - width - 6, "end")
            } else {
                (
                    LABELS + GAP,
                    LABELS,
                    "end",
                    LABELS + GAP + width + 6,
                    "start",
                )
            };
            Bar {
                label: label.clone(),
                value: shown.clone(),
                y,
                text_y: y + BAR / 2 + 5,
                bar_x,
                bar_width: width,
                label_x,
                label_anchor,
                value_x,
                value_anchor,
            }
        })
        .collect::<Vec<_>>();
    let separator = lang.t("list-separator");
    let description = items
        .iter()
        .map(|(label, _, shown)| format!("{label}: {shown}"))
        .collect::<Vec<_>>()
        .join(&separator);
    Chart {
        id: id.to_owned(),
        title,
        description,
        height: i64::try_from(bars.len()).unwrap_or(0) * ROW + 4,
        width: WIDTH,
        bars,
    }
}

/// The funnel and the regions' share of the trained, as charts.
pub fn report(
    ctx: &PageCtx,
    registered: i64,
    total: &Counts,
    shares: &[RegionShare],
) -> Vec<Chart> {
    let count = |key: &str, value: i64| (ctx.t(key), value, value.to_string());
    let funnel = [
        count("reports-registered", registered),
        count("reports-enrolled", total.enrolled),
        count("reports-completed", total.completed),
        count("reports-sat", total.sat),
        count("reports-passed", total.passed),
        count("reports-certified", total.certified),
    ];
    let regions: Vec<(String, i64, String)> = shares
        .iter()
        .map(|share| {
            let shown = share.share.map_or_else(
                || share.trained.to_string(),
                |p| format!("{} ({})", share.trained, ctx.plain(ctx.percent(p))),
            );
            (share.name.clone(), share.trained, shown)
        })
        .collect();
    vec![
        bars("chart-funnel", ctx.t("reports-funnel"), &funnel, ctx.lang),
        bars(
            "chart-regions",
            ctx.t("reports-trained-by-region"),
            &regions,
            ctx.lang,
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items() -> Vec<(String, i64, String)> {
        vec![
            ("Enrolled".to_owned(), 4, "4".to_owned()),
            ("Passed".to_owned(), 2, "2".to_owned()),
            ("Nobody".to_owned(), 0, "0".to_owned()),
        ]
    }

    #[test]
    fn bars_are_in_proportion_and_grow_from_the_reading_start() {
        let english = bars("c", "t".to_owned(), &items(), Lang::En);
        let widths: Vec<i64> = english.bars.iter().map(|b| b.bar_width).collect();
        assert_eq!(widths[0], 2 * widths[1]);
        assert_eq!(widths[2], 0);
        assert!(
            english.bars.iter().all(|b| b.bar_x == LABELS + GAP),
            "left edge"
        );
        let arabic = bars("c", "t".to_owned(), &items(), Lang::Ar);
        for bar in &arabic.bars {
            assert_eq!(
                bar.bar_x + bar.bar_width,
                WIDTH - LABELS - GAP,
                "right edge"
            );
        }
        assert!(
            english.description.contains("Enrolled: 4")
                && english.description.contains("Passed: 2")
        );
    }
}
