package org.atrium.core.internal.attachment;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.atrium.api.attachment.AttachmentTypeRefusedException;
import org.junit.jupiter.api.Test;

class FileNamesTest {
    @Test
    void pathsAndControlCharactersGo() {
        assertEquals("passwd", FileNames.display("../../etc/passwd"));
        assertEquals("report.pdf", FileNames.display("C:\\Users\\anna\\report.pdf"));
        assertEquals("ab.pdf", FileNames.display("a\u0000b\r\n.pdf"));
        assertEquals("Übersicht März.pdf", FileNames.display("Übersicht März.pdf"));
        assertEquals("attachment", FileNames.display(null));
        assertEquals("attachment", FileNames.display("  /"));
    }

    @Test
    void theStoredNameHasNoSpecialCharacters() {
        assertEquals("Übersicht_März.pdf", FileNames.sanitised("Übersicht März.pdf"));
        assertEquals("a_b_c_.txt", FileNames.sanitised("a\"b;c?.txt"));
        assertEquals("htaccess.txt", FileNames.sanitised("..htaccess.txt"));
    }

    @Test
    void namesAreCutWithoutSplittingACharacter() {
        String longName = "x".repeat(254) + "\uD83D\uDE00" + ".pdf";
        String shown = FileNames.display(longName);
        assertEquals(254, shown.length());
        assertEquals(FileNames.MAX, FileNames.display("y".repeat(400)).length());
    }

    @Test
    void pagesScriptsAndProgramsAreRefusedByName() {
        for (String name : new String[] {"invoice.html", "x.HTM", "logo.svg", "setup.exe", "run.sh", "a.js", "tool.bat"}) {
            AttachmentTypeRefusedException e = assertThrows(AttachmentTypeRefusedException.class, () -> FileNames.checkExtension(name), name);
            assertEquals("file", e.errors().get(0).field());
        }
        assertDoesNotThrow(() -> FileNames.checkExtension("report.pdf"));
        assertDoesNotThrow(() -> FileNames.checkExtension("README"));
    }
}
