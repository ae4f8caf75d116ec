/// The pages' one stylesheet, inlined into every page (no request to any server).
/// Light and dark follow `prefers-color-scheme`; print hides navigation and unclips outputs;
/// below 40em (phones) margins shrink and wide things scroll sideways.
///
/// Layout: prose keeps a comfortable measure (`--measure`, 70 to 80 characters of the serif),
/// centred; cells and code blocks share one width, enough for the page's longest line of code or
/// output (`--code-columns`, which `HTMLPage` sets), at least the prose's and at most the
/// screen's, centred on the same axis: code is not cut at the prose's width on a wide screen (the
/// course's 137-character line fits at 1400 px); on a phone it scrolls inside its box.
enum PageStyle {
    static let css = """
    :root {
      color-scheme: light dark;
      --fg: #1d1f23; --muted: #5f6570; --bg: #fdfdfc; --panel: #f3f4f6; --border: #d9dce1;
      --accent: #2458a6; --code-bg: #f6f8fa; --ok: #1a7f37; --bad: #c62828; --warn: #9a6700;
      --err-bg: #fdecec; --exp-bg: #fff6dd;
      --kw: #a626a4; --type: #0f6b8a; --str: #b3401b; --num: #2a7d2a; --com: #6a737d; --attr: #8a5a00; --label: #4b5fb3;
    }
    @media (prefers-color-scheme: dark) {
      :root {
        --fg: #e4e6ea; --muted: #9aa1ad; --bg: #16181c; --panel: #1f2228; --border: #363a42;
        --accent: #7fb0ff; --code-bg: #1c1f25; --ok: #56c26b; --bad: #ff7b72; --warn: #e3b341;
        --err-bg: #3a1e1e; --exp-bg: #33290f;
        --kw: #d38cf0; --type: #5cc8e8; --str: #f0a27a; --num: #8fd18f; --com: #8b949e; --attr: #e0b060; --label: #a9b6ff;
      }
    }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
    body {
      margin: 0; background: var(--bg); color: var(--fg);
      font: 17px/1.6 "Source Serif 4", "Noto Serif", "Noto Serif CJK KR", Georgia, serif;
    }
    /* A column as wide as the screen: prose in it keeps its measure, code may use the width. */
    :root { --measure: 32rem; }
    .page { max-width: 100rem; margin: 0 auto; padding: 0 1.25rem; }
    main { padding-bottom: 3rem; }
    h1, h2, h3, h4, h5, h6 { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK KR", sans-serif; line-height: 1.25; margin: 1.8em 0 0.6em; }
    h1, h2, h3, h4, h5, h6 { scroll-margin-top: 0.6em; }
    h1 { font-size: 2em; margin-top: 1.2em; }
    h2 { font-size: 1.5em; border-bottom: 1px solid var(--border); padding-bottom: 0.2em; }
    h3 { font-size: 1.2em; }
    .anchor { margin-left: 0.4em; color: var(--muted); text-decoration: none; opacity: 0; font-weight: normal; }
    h1:hover .anchor, h2:hover .anchor, h3:hover .anchor, h4:hover .anchor, .anchor:focus { opacity: 1; }
    a { color: var(--accent); }
    img { max-width: 100%; height: auto; }
    blockquote { margin: 1em 0; padding: 0.2em 1em; border-left: 4px solid var(--border); color: var(--muted); }
    hr { border: 0; border-top: 1px solid var(--border); margin: 2em 0; }
    table { border-collapse: collapse; margin: 1em 0; font-size: 0.92em; display: block; overflow-x: auto; max-width: 100%; }
    th, td { border: 1px solid var(--border); padding: 0.3em 0.7em; text-align: left; vertical-align: top; }
    th { background: var(--panel); }
    code, pre, kbd { font-family: ui-monospace, "SF Mono", "JetBrains Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.86em; }
    :not(pre) > code { background: var(--code-bg); padding: 0.1em 0.3em; border-radius: 4px; }
    pre { background: var(--code-bg); border: 1px solid var(--border); border-radius: 6px; padding: 0.75em 1em; overflow: auto; line-height: 1.45; }
    pre code { font-size: 1em; }
    math { font-family: "Latin Modern Math", "STIX Two Math", "Noto Sans Math", math; }
    .math-inline { white-space: nowrap; }
    .math-display { display: block; overflow-x: auto; overflow-y: hidden; margin: 1em 0; text-align: center; }
    .run-summary { border: 1px solid var(--bad); background: var(--err-bg); border-radius: 6px; padding: 0.5em 1em; font-family: system-ui, sans-serif; font-size: 0.92em; }
    .tex-unconverted { color: var(--bad); }
    .missing-image { display: inline-block; color: var(--bad); border: 1px dashed var(--bad); padding: 0.2em 0.5em; font-size: 0.9em; }
    .page-nav { display: flex; justify-content: space-between; gap: 1em; padding: 1em 0; font-family: system-ui, sans-serif; font-size: 0.92em; }
    .page-nav a { text-decoration: none; }
    .toc { font-family: system-ui, sans-serif; font-size: 0.92em; }
    .toc details { background: var(--panel); border: 1px solid var(--border); border-radius: 6px; padding: 0.5em 1em; margin-top: 1em; }
    .toc summary { cursor: pointer; font-weight: 600; }
    .toc ol { list-style: none; padding-left: 0; margin: 0.5em 0; }
    .toc li { margin: 0.15em 0; }
    .toc .toc-2 { padding-left: 1em; } .toc .toc-3 { padding-left: 2em; } .toc .toc-4, .toc .toc-5, .toc .toc-6 { padding-left: 3em; }
    .toc a { text-decoration: none; }
    .cell { margin: 1.4em 0; border-left: 3px solid var(--border); padding-left: 0.8em; }
    .cell.outcome-failed, .cell.outcome-unexpected-success, .cell.outcome-timed-out { border-left-color: var(--bad); }
    .cell.outcome-expected-error { border-left-color: var(--warn); }
    .cell-head { display: flex; flex-wrap: wrap; gap: 0.4em 0.8em; align-items: baseline; font-family: system-ui, sans-serif; font-size: 0.78em; color: var(--muted); margin-bottom: 0.3em; }
    .cell-id { color: var(--muted); text-decoration: none; font-weight: 600; }
    .badge { margin-left: auto; border-radius: 999px; padding: 0 0.7em; border: 1px solid currentColor; }
    .badge-passed { color: var(--ok); } .badge-failed { color: var(--bad); } .badge-expected { color: var(--warn); } .badge-muted { color: var(--muted); }
    .cell pre.source { margin: 0; }
    .outputs { margin-top: 0.4em; }
    .output { margin: 0.4em 0; }
    pre.output, .output pre { max-height: 28em; overflow: auto; background: transparent; border-style: dashed; }
    .output-error pre { background: var(--err-bg); border: 1px solid var(--bad); white-space: pre; }
    .output-error.expected pre { background: var(--exp-bg); border-color: var(--warn); }
    .out-label { display: block; font-family: system-ui, sans-serif; font-size: 0.75em; color: var(--muted); }
    .tensor-shape { font-family: system-ui, sans-serif; font-size: 0.75em; color: var(--muted); }
    .output-table { max-height: 36em; overflow: auto; }
    .output-table table { display: table; font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.8em; }
    .output-table caption { text-align: left; font-weight: 600; padding-bottom: 0.3em; }
    .table-footer { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.8em; margin: 0.2em 0; }
    .output-figure { margin: 0.6em 0; overflow-x: auto; }
    svg.figure { max-width: 100%; height: auto; font-family: system-ui, sans-serif; }
    svg.figure text { fill: var(--fg); font-size: 11px; }
    svg.figure .fig-title { font-size: 13px; font-weight: 600; }
    svg.figure .fig-tick { fill: var(--muted); }
    svg.figure .fig-grid { stroke: var(--border); stroke-width: 1; }
    svg.figure .fig-frame { stroke: var(--muted); }
    .tok-kw { color: var(--kw); } .tok-type { color: var(--type); } .tok-str { color: var(--str); } .tok-num { color: var(--num); }
    .tok-com { color: var(--com); font-style: italic; } .tok-attr { color: var(--attr); } .tok-label { color: var(--label); } .tok-op { color: var(--fg); }
    .course-list { list-style: none; padding: 0; }
    .course-list li { margin: 1.2em 0; }
    .course-list .entry-title { font-family: system-ui, sans-serif; font-weight: 600; font-size: 1.1em; }
    .course-list p { margin: 0.2em 0; color: var(--muted); }
    .page-footer { color: var(--muted); font-size: 0.8em; font-family: system-ui, sans-serif; padding-bottom: 2em; }
    /* Prose at its measure, centred. Cells and code blocks all share one width: enough for the
       page's longest line of code or output (--code-columns, set by the page; a column of the
       code font is at most 0.6 of its size, 0.86em), at least the measure, at most the screen.
       Display math is as wide as it needs, within the screen. */
    .page > :not(main), main > * { max-width: var(--measure); margin-left: auto; margin-right: auto; }
    main > .cell, main > pre.code-block {
      width: min(100%, max(var(--measure), calc(var(--code-columns, 0) * 0.52em + 3em)));
      max-width: none; margin-left: auto; margin-right: auto;
    }
    main > .math-display { width: fit-content; min-width: min(var(--measure), 100%); max-width: 100%; margin-left: auto; margin-right: auto; }
    @media (max-width: 40em) {
      body { font-size: 16px; }
      .page { padding: 0 0.8rem; }
      pre { padding: 0.6em; }
      .cell { padding-left: 0.5em; }
    }
    @media print {
      :root { --bg: #fff; --fg: #000; }
      .page-nav, .toc, .anchor { display: none; }
      .page { max-width: none; }
      pre, pre.output, .output pre, .output-table { max-height: none; overflow: visible; white-space: pre-wrap; }
      .cell, figure, table, .math-display { break-inside: avoid; }
      a { color: inherit; }
    }
    """
}
