package org.atrium.browser;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;

import org.atrium.browser.harness.Rest;
import org.atrium.browser.harness.Screenshots;
import org.atrium.browser.pages.CatalogPage;
import org.atrium.browser.pages.RequestDetailPage;
import org.atrium.browser.pages.RequestFormPage;
import org.atrium.browser.pages.TicketPage;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** anna reports a problem and attaches a picture of the error; ina opens the ticket and downloads exactly those bytes. */
public class AttachmentFlow {
    private final Rest rest = new Rest(PortalSuiteIT.ATRIUM.api());

    @Test
    public void anAttachmentUploadedByTheEmployeeIsOpenedByTheAgent() throws IOException {
        Path folder = Files.createDirectories(Path.of("target", "attachments").toAbsolutePath());
        Path picture = folder.resolve("vpn-error.png");
        writePicture(picture);
        Path log = folder.resolve("vpn-client.txt");
        Files.writeString(log, "IKE negotiation failed\n".repeat(65_218)); // 1,500,014 bytes: 1.43 MB, a size with a decimal separator
        String key;
        try (Persona anna = Persona.signIn("anna", "en")) {
            RequestDetailPage request = CatalogPage.open(anna.driver()).request("it.incident")
                    .type("summary", "VPN refuses my certificate")
                    .choose("affectedService", "vpn")
                    .submit().submitted()
                    .upload(picture)
                    .upload(log);
            key = request.key();
            List<WebElement> notices = anna.driver().findElements(By.cssSelector("section[aria-labelledby='attachments-title'] .notice.saved"));
            assertEquals("one notice after two uploads, not one per upload", 1, notices.size());
            Screenshots.save(anna.driver(), "request-detail-attachment-en-desktop");
        }
        JsonNode listed = rest.get("anna", "/tickets/" + key + "/attachments").path("items").get(0);
        assertEquals("vpn-error.png", listed.path("fileName").asText());
        assertEquals("anna", listed.path("uploadedBy").asText());

        Path downloads = Files.createDirectories(folder.resolve("downloads-ina"));
        try (Persona ina = Persona.signIn("ina", "en")) {
            ina.driver().executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
            TicketPage ticket = TicketPage.open(ina.driver(), key);
            ticket.attachmentLink("vpn-error.png").click();
            Path downloaded = downloads.resolve("vpn-error.png");
            new WebDriverWait(ina.driver(), Duration.ofSeconds(20)).withMessage("ina's download of the attachment did not arrive in " + downloads)
                    .until(d -> Files.isRegularFile(downloaded) && sizeOf(downloaded) == sizeOf(picture));
            assertArrayEquals(Files.readAllBytes(picture), Files.readAllBytes(downloaded));

            // sizes in the reader's language ("1.4 MB" in English, "1,4 MB" in German), and who uploaded by name
            awaitAttachmentLine(ina.driver(), "vpn-client.txt 1.4 MB, Anna Albrecht, ");
            ticket.chooseLanguage("de");
            awaitAttachmentLine(ina.driver(), "vpn-client.txt 1,4 MB, Anna Albrecht, ");
        }
    }

    /** The form's own attachment field: the file goes up before the request (POST /attachments), its id with the request. */
    @Test
    public void aPhotoChosenInTheFormArrivesWithTheRequest() throws IOException {
        Path folder = Files.createDirectories(Path.of("target", "attachments").toAbsolutePath());
        Path picture = folder.resolve("broken-lamp.png");
        writePicture(picture);
        Path page = folder.resolve("lamp.html");
        Files.writeString(page, "<html><body>not a photo</body></html>");
        String key;
        try (Persona anna = Persona.signIn("anna", "en")) {
            RequestFormPage form = CatalogPage.open(anna.driver()).request("facility.repair")
                    .type("summary", "Lamp flickers in 3.12")
                    .type("building", "A")
                    .type("room", "3.12")
                    .choose("category", "lighting")
                    .attach("photo", page)
                    .submit();
            String refused = form.errorOf("photo");
            assertTrue(refused, refused.contains("html") || refused.contains("page"));
            key = form.attach("photo", picture).submit().submitted().key();
        }
        JsonNode ticket = rest.get("anna", "/tickets/" + key);
        JsonNode listed = rest.get("anna", "/tickets/" + key + "/attachments").path("items");
        assertEquals(1, listed.size());
        assertEquals("broken-lamp.png", listed.get(0).path("fileName").asText());
        assertEquals(listed.get(0).path("id").asText(), ticket.path("fields").path("photo").asText());
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void awaitAttachmentLine(WebDriver driver, String line) {
        By section = By.cssSelector("section[aria-labelledby='attachments-title']");
        new WebDriverWait(driver, Duration.ofSeconds(10)).withMessage(() -> "no \"" + line + "\" in: " + driver.findElement(section).getText())
                .until(d -> d.findElement(section).getText().contains(line));
    }

    private static void writePicture(Path file) throws IOException {
        BufferedImage image = new BufferedImage(120, 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 120, 40);
        g.setColor(Color.RED);
        g.drawString("VPN error 809", 10, 25);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
