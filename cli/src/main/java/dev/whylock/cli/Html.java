package dev.whylock.cli;

/** A minimal self-contained HTML page around a text report, until the report module renders runs. */
final class Html {
    private Html() {}

    static String page(String title, String text) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head>\n<body><pre>" + escape(text) + "</pre></body></html>\n";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
