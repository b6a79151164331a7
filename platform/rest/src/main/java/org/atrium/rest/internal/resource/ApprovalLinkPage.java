package org.atrium.rest.internal.resource;

import org.atrium.api.notification.ApprovalLink;

/** The two small pages of an approval link, in the approver's language; every value escaped. */
final class ApprovalLinkPage {
    private ApprovalLinkPage() {
    }

    /** What the link would decide, with a button that posts to the same address. */
    static String confirmation(ApprovalLink link) {
        boolean de = "de".equals(link.language());
        boolean approve = "approve".equals(link.decision());
        if (!"pending".equals(link.state())) {
            return page(de, de ? "Bereits entschieden" : "Already decided", (de ? "Die Genehmigung von " : "The approval of ")
                    + ticket(link) + (de ? " ist bereits entschieden: " : " is already decided: ") + escape(link.state()) + ".", "");
        }
        String question = de ? (approve ? "Möchten Sie " + ticket(link) + " genehmigen?" : "Möchten Sie " + ticket(link) + " ablehnen?")
                : (approve ? "Do you approve " + ticket(link) + "?" : "Do you reject " + ticket(link) + "?");
        String button = de ? (approve ? "Genehmigen" : "Ablehnen") : (approve ? "Approve" : "Reject");
        return page(de, de ? "Genehmigung" : "Approval", question,
                "<form method=\"post\"><button type=\"submit\">" + button + "</button></form>\n");
    }

    static String done(ApprovalLink link) {
        boolean de = "de".equals(link.language());
        String text = de ? ticket(link) + " ist entschieden: " + escape(link.state()) + ". Vielen Dank."
                : ticket(link) + " is decided: " + escape(link.state()) + ". Thank you.";
        return page(de, de ? "Entschieden" : "Decided", text, "");
    }

    private static String ticket(ApprovalLink link) {
        return escape(link.ticketKey()) + " „" + escape(link.summary()) + "“";
    }

    private static String page(boolean de, String title, String text, String form) {
        return "<!DOCTYPE html>\n<html lang=\"" + (de ? "de" : "en") + "\"><head><meta charset=\"utf-8\"><title>" + title
                + "</title></head>\n<body>\n<h1>" + title + "</h1>\n<p>" + text + "</p>\n" + form + "</body></html>\n";
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
