package dev.whylock.report;

import java.io.IOException;

/** The skeleton shared by every HTML report: inline CSS and JS only, so the page works offline. */
final class HtmlPage {

    private HtmlPage() {}

    static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2433;background:#f7f8fa}
            main{max-width:1352px;margin:0 auto;padding:24px}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #d5d9e0;padding-bottom:4px}
            h3{font-size:15px;margin:18px 0 6px}
            .verdict{padding:14px 18px;border-radius:8px;color:#fff;margin-bottom:8px}
            .verdict.bad{background:#b3261e}.verdict.good{background:#1e7a3c}.verdict.open{background:#8a5a00}
            .what{color:#4a5468;margin:0 0 12px}
            table{border-collapse:collapse;background:#fff;margin:6px 0 12px}
            th,td{border:1px solid #d5d9e0;padding:4px 8px;text-align:left;vertical-align:top}
            th{background:#eef1f5}
            td.num{text-align:right;font-variant-numeric:tabular-nums}
            .explain{color:#5b6578;font-size:12.5px}
            code,.mono{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:12.5px}
            .lanes{display:grid;gap:3px 8px;background:#fff;border:1px solid #d5d9e0;border-radius:6px;padding:8px}
            .lanes>div{min-width:0;overflow-wrap:anywhere}.lanes>div.lane-head:first-child{overflow-wrap:normal}
            .nm{white-space:nowrap}
            td{overflow-wrap:anywhere}
            .answer{background:#fff;border:1px solid #d5d9e0;border-left:5px solid #1d2433;border-radius:6px;padding:4px 16px;margin:8px 0}
            .answer h2{border:0;margin:10px 0 4px}.answer li.sub{list-style:circle;margin-left:22px}
            pre.folded{font-size:12px;background:#fff;border:1px solid #d5d9e0;padding:6px;white-space:pre-wrap;overflow-wrap:anywhere}
            .verdict-open{color:#8a5a00;font-weight:600;white-space:nowrap}
            .lane-head{font-weight:600;padding:4px 6px;background:#eef1f5;border-radius:4px;position:sticky;top:0}
            .gutter{color:#8a93a6;text-align:right;font-size:12px;padding-top:5px}
            .step{border:1px solid #c6ccd7;border-radius:5px;padding:3px 6px;background:#f2f5fb;cursor:pointer}
            .step.lock{background:#eef7ee;border-color:#b5d3b5}.step.read{background:#f1f4fd}.step.write{background:#fdf3e6;border-color:#e3c49a}
            .step.preempt{border-left:5px solid #c47f00}
            .step.fail{background:#fde7e5;border:2px solid #b3261e;font-weight:600}
            .step.hl{outline:3px solid #3a6fd8}
            .step.peer{border:2px solid #c47f00;font-weight:600}
            .step.blocked{background:#fff;border:2px dashed #b3261e;color:#7a1a14}
            .step.tick{background:#fff;border:0;border-top:1px dotted #8a93a6;color:#5c6578;text-align:center;cursor:default}
            .gutter .time{display:block;font-size:11px}
            .badge.peer{background:#c47f00}
            .badge{display:inline-block;font-size:11px;padding:0 5px;border-radius:8px;margin-left:4px;color:#fff;background:#c47f00}
            .badge.fail{background:#b3261e}
            .legend{font-size:12.5px;color:#4a5468;margin:6px 0}
            .replay{background:#1d2433;color:#e8ecf3;padding:8px 12px;border-radius:6px;display:inline-block}
            ul.parts{margin:4px 0 8px}
            .scenario{display:grid;grid-template-columns:max-content max-content;gap:0 40px;background:#fff;border:1px solid #d5d9e0;padding:8px 14px;border-radius:6px}
            .verdict-necessary{color:#b3261e;font-weight:600;white-space:nowrap}.verdict-not-needed{color:#1e7a3c;font-weight:600;white-space:nowrap}
            """;

    // Clicking a step highlights every step on the same object, so both sides of a conflict stand out.
    static final String JS = """
            document.addEventListener('click',function(e){
              var s=e.target.closest('.step');if(!s)return;var o=s.getAttribute('data-object');
              var lanes=s.closest('.lanes');
              lanes.querySelectorAll('.step').forEach(function(x){
                x.classList.toggle('hl',o!==null&&o!==''&&x.getAttribute('data-object')===o);});
            });
            """;

    static void open(String title, Appendable out) throws IOException {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
    }

    static void close(Appendable out) throws IOException {
        out.append("</main>\n<script>\n").append(JS).append("</script>\n</body>\n</html>\n");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Escapes {@code s} and keeps every word that contains {@code ->} or {@code _} on one line, so
     * that names such as {@code sfp->sm_state} never break in the middle.
     */
    static String names(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (String word : s.split(" ", -1)) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            if (!(word.contains("->") || word.contains("_"))) {
                b.append(esc(word));
                continue;
            }
            // Punctuation around the name ("(sfp->sm_state),") stays outside its span: it may wrap.
            int from = 0;
            int to = word.length();
            while (from < to && "([{\"'`".indexOf(word.charAt(from)) >= 0) {
                from++;
            }
            while (to > from && ")]}\"'`,.;:!?".indexOf(word.charAt(to - 1)) >= 0) {
                to--;
            }
            b.append(esc(word.substring(0, from))).append("<span class=\"nm\">").append(esc(word.substring(from, to)))
                    .append("</span>").append(esc(word.substring(to)));
        }
        return b.toString();
    }

    /** A two-column table row with an explanation cell. */
    static void row(Appendable out, String key, String value, String explain) throws IOException {
        out.append("<tr><th>").append(esc(key)).append("</th><td class=\"mono\">").append(esc(value))
                .append("</td><td class=\"explain\">").append(esc(explain)).append("</td></tr>\n");
    }
}
