package org.atrium.core.internal.mail.in;

import java.util.Properties;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;

/**
 * One connection to the IMAP mailbox for one poll (run by {@link InboundMailPoller}, which sets Angus
 * Mail's class loader as the thread's context class loader: no service loader mediator needed).
 * Reading a mail does not mark it seen (peek): only {@link #markProcessed} does, after its outcome is
 * stored.
 */
final class InboundMailbox implements AutoCloseable {
    private final InboundSettings settings;
    private final Store store;
    private final Folder folder;
    private Folder processed;

    InboundMailbox(InboundSettings settings) throws MessagingException {
        this.settings = settings;
        String protocol = settings.ssl() ? "imaps" : "imap";
        Properties properties = new Properties();
        properties.put("mail.store.protocol", protocol);
        properties.put("mail." + protocol + ".connectiontimeout", "15000");
        properties.put("mail." + protocol + ".timeout", "60000");
        properties.put("mail." + protocol + ".peek", "true");
        properties.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        // the poller has set Angus Mail's class loader as the context class loader, where Jakarta Mail finds its providers
        Session session = Session.getInstance(properties);
        store = session.getStore(protocol);
        store.connect(settings.host(), settings.port(), settings.user(), settings.password());
        folder = store.getFolder(settings.folder());
        folder.open(Folder.READ_WRITE);
    }

    /** The mails still to process: all in the folder when processed ones are moved away, else the unseen ones. */
    Message[] waiting() throws MessagingException {
        return settings.processedFolder() != null ? folder.getMessages() : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
    }

    void markProcessed(Message mail) throws MessagingException {
        if (settings.processedFolder() == null) {
            mail.setFlag(Flags.Flag.SEEN, true);
            return;
        }
        if (processed == null) {
            processed = store.getFolder(settings.processedFolder());
            if (!processed.exists()) {
                processed.create(Folder.HOLDS_MESSAGES);
            }
        }
        folder.copyMessages(new Message[] {mail}, processed);
        mail.setFlag(Flags.Flag.DELETED, true);
    }

    @Override
    public void close() throws MessagingException {
        try {
            if (folder.isOpen()) {
                folder.close(settings.processedFolder() != null);
            }
        } finally {
            store.close();
        }
    }
}
