package org.atrium.core.internal.mail.out;

import java.sql.Timestamp;
import java.time.Clock;

import javax.persistence.EntityManager;

import org.atrium.api.ConflictException;
import org.atrium.api.approval.ApprovalService;
import org.atrium.api.approval.Decision;
import org.atrium.api.directory.Directory;
import org.atrium.api.directory.Person;
import org.atrium.api.notification.ApprovalLink;
import org.atrium.api.notification.ApprovalLinkService;
import org.atrium.api.security.Caller;
import org.atrium.core.internal.persistence.ApprovalEntity;
import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.TicketEntity;
import org.atrium.core.internal.secret.SigningKeys;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Approve and reject links from approval mails. Opening a link decides nothing (mail scanners follow
 * links); using it marks the approval's links used ({@code approval_link_use}, one row per approval:
 * the second use of either link is a 409) and decides through {@link ApprovalService} as the approver,
 * with the same rules and the same history row ("decided by") as a decision in the portal.
 */
@Component(service = ApprovalLinkService.class)
public class ApprovalLinkServiceImpl implements ApprovalLinkService {
    static final String COMMENT = "decided from the link in the approval mail";
    private final Database db;
    private final SigningKeys keys;
    private final ApprovalService approvals;
    private final Directory directory;
    private final Clock clock;

    @Activate
    public ApprovalLinkServiceImpl(@Reference Database db, @Reference SigningKeys keys, @Reference ApprovalService approvals,
            @Reference Directory directory) {
        this(db, keys, approvals, directory, Clock.systemUTC());
    }

    public ApprovalLinkServiceImpl(Database db, SigningKeys keys, ApprovalService approvals, Directory directory, Clock clock) {
        this.db = db;
        this.keys = keys;
        this.approvals = approvals;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public ApprovalLink open(String token) {
        ApprovalLinkTokens.Claim claim = verified(token);
        return db.read(em -> describe(em, claim));
    }

    @Override
    public ApprovalLink use(String token) {
        ApprovalLinkTokens.Claim claim = verified(token);
        ApprovalLink link = db.inTransaction(em -> {
            ApprovalLink before = describe(em, claim);
            Number used = (Number) em.createNativeQuery("SELECT COUNT(*) FROM approval_link_use WHERE approval_id = ?1")
                    .setParameter(1, claim.approval()).getSingleResult();
            if (used.longValue() > 0) {
                throw new ConflictException("This approval link was already used; the approval is " + before.state(), null);
            }
            // the primary key makes a second use at the same moment fail here, at the latest at commit
            em.createNativeQuery("INSERT INTO approval_link_use (approval_id, decision, used_at) VALUES (?1, ?2, ?3)")
                    .setParameter(1, claim.approval()).setParameter(2, claim.decision())
                    .setParameter(3, Timestamp.from(clock.instant())).executeUpdate();
            return before;
        });
        Person approver = directory.find(link.approver()).filter(Person::active)
                .orElseThrow(() -> new ConflictException("The approver is no longer an active person; decide in the portal", null));
        try {
            approvals.decide(new Caller(approver.id(), approver.roles()), claim.approval(), new Decision(claim.decision(), COMMENT));
        } catch (RuntimeException e) {
            // not decided (already decided, no longer the approver, ...): the link stays used only if it decided
            db.inTransaction(em -> em.createNativeQuery("DELETE FROM approval_link_use WHERE approval_id = ?1")
                    .setParameter(1, claim.approval()).executeUpdate());
            throw e;
        }
        return db.read(em -> describe(em, claim));
    }

    private ApprovalLinkTokens.Claim verified(String token) {
        ApprovalLinkTokens tokens = new ApprovalLinkTokens(keys.key(ApprovalLinkTokens.KEY_NAME), clock);
        return tokens.verify(token, id -> db.read(em -> {
            ApprovalEntity approval = em.find(ApprovalEntity.class, id);
            return approval == null ? "" : approval.getApprover();
        }));
    }

    private ApprovalLink describe(EntityManager em, ApprovalLinkTokens.Claim claim) {
        ApprovalEntity approval = em.find(ApprovalEntity.class, claim.approval());
        TicketEntity ticket = em.find(TicketEntity.class, approval.getTicketId());
        String language = directory.find(approval.getApprover()).map(Person::language).filter("de"::equals).orElse("en");
        return new ApprovalLink(approval.getId(), ticket.getKey(), ticket.getSummary(), approval.getApprover(), language,
                claim.decision(), approval.getState());
    }
}
