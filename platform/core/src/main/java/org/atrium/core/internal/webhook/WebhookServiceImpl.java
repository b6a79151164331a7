package org.atrium.core.internal.webhook;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.atrium.api.ValidationException;
import org.atrium.api.security.Caller;
import org.atrium.api.webhook.Webhook;
import org.atrium.api.webhook.WebhookAttempt;
import org.atrium.api.webhook.WebhookInput;
import org.atrium.api.webhook.WebhookService;
import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.WebhookAttemptEntity;
import org.atrium.core.internal.persistence.WebhookDeliveryEntity;
import org.atrium.core.internal.persistence.WebhookEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Webhook subscriptions for administrators (WebhookAccess decides who sees which) and their delivery log. */
@Component(service = WebhookService.class)
public class WebhookServiceImpl implements WebhookService {
    static final int MAX_ATTEMPTS_LISTED = 500;
    private final Database db;
    private final Clock clock;

    @Activate
    public WebhookServiceImpl(@Reference Database db) {
        this(db, Clock.systemUTC());
    }

    WebhookServiceImpl(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public List<String> eventTypes() {
        return WebhookEvents.types();
    }

    @Override
    public Webhook create(Caller caller, WebhookInput input) {
        WebhookAccess.checkManagesWebhooks(caller);
        WebhookInputCheck.Checked checked = WebhookInputCheck.check(caller, input);
        String secret = WebhookSignature.newSecret();
        return db.inTransaction(em -> {
            WebhookEntity hook = new WebhookEntity(checked.ownerDepartment(), secret, caller.user(), clock.instant());
            apply(hook, checked);
            em.persist(hook);
            em.flush();
            return toDto(hook).withSecret(secret);
        });
    }

    @Override
    public List<Webhook> list(Caller caller) {
        WebhookAccess.checkManagesWebhooks(caller);
        return db.read(em -> em.createQuery("SELECT w FROM WebhookEntity w ORDER BY w.id", WebhookEntity.class).getResultList()
                .stream().filter(hook -> WebhookAccess.sees(caller, hook)).map(WebhookServiceImpl::toDto).toList());
    }

    @Override
    public Webhook get(Caller caller, long id) {
        return db.read(em -> toDto(WebhookAccess.visible(caller, em.find(WebhookEntity.class, id), id)));
    }

    @Override
    public Webhook update(Caller caller, long id, WebhookInput input) {
        WebhookAccess.checkManagesWebhooks(caller);
        return db.inTransaction(em -> {
            WebhookEntity hook = WebhookAccess.visible(caller, locked(em, id), id);
            WebhookInputCheck.Checked checked = WebhookInputCheck.check(caller, input);
            if (!java.util.Objects.equals(checked.ownerDepartment(), hook.getOwnerDepartment()) && !caller.isAdmin()) {
                throw new ValidationException("department", "cannot move a subscription to another department");
            }
            boolean reenabled = checked.enabled() && !hook.isEnabled();
            apply(hook, checked);
            if (reenabled) {
                hook.setConsecutiveFailures(0);
                hook.setDisabledReason(null);
            }
            return toDto(hook);
        });
    }

    @Override
    public void delete(Caller caller, long id) {
        db.inTransaction(em -> {
            WebhookAccess.visible(caller, locked(em, id), id);
            em.createQuery("DELETE FROM WebhookAttemptEntity a WHERE a.webhookId = :id").setParameter("id", id).executeUpdate();
            em.createQuery("DELETE FROM WebhookDeliveryEntity d WHERE d.webhookId = :id").setParameter("id", id).executeUpdate();
            em.createQuery("DELETE FROM WebhookEntity w WHERE w.id = :id").setParameter("id", id).executeUpdate();
            return null;
        });
    }

    @Override
    public Webhook rotateSecret(Caller caller, long id) {
        String secret = WebhookSignature.newSecret();
        return db.inTransaction(em -> {
            WebhookEntity hook = WebhookAccess.visible(caller, locked(em, id), id);
            hook.setSecret(secret);
            return toDto(hook).withSecret(secret);
        });
    }

    @Override
    public List<WebhookAttempt> attempts(Caller caller, long id, int limit) {
        if (limit < 1 || limit > MAX_ATTEMPTS_LISTED) {
            throw new ValidationException("limit", "must be between 1 and " + MAX_ATTEMPTS_LISTED);
        }
        return db.read(em -> {
            WebhookAccess.visible(caller, em.find(WebhookEntity.class, id), id);
            List<WebhookAttemptEntity> rows = em.createQuery("SELECT a FROM WebhookAttemptEntity a WHERE a.webhookId = :id ORDER BY a.id DESC",
                    WebhookAttemptEntity.class).setParameter("id", id).setMaxResults(limit).getResultList();
            Map<Long, WebhookDeliveryEntity> deliveries = new HashMap<>();
            for (WebhookAttemptEntity row : rows) {
                deliveries.computeIfAbsent(row.getDeliveryId(), key -> em.find(WebhookDeliveryEntity.class, key));
            }
            List<WebhookAttempt> attempts = new ArrayList<>();
            for (WebhookAttemptEntity row : rows) {
                WebhookDeliveryEntity delivery = deliveries.get(row.getDeliveryId());
                attempts.add(new WebhookAttempt(row.getId(), row.getDeliveryId(), delivery.getEventId(), delivery.getEventType(),
                        delivery.getTicketKey(), row.getAttempt(), row.getAttemptedAt(), row.getHttpStatus(), row.getError(),
                        row.getDurationMs(), row.getOutcome()));
            }
            return attempts;
        });
    }

    private static WebhookEntity locked(EntityManager em, long id) {
        return em.find(WebhookEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    private static void apply(WebhookEntity hook, WebhookInputCheck.Checked checked) {
        hook.setUrl(checked.url());
        hook.setEvents(String.join(",", checked.events()));
        hook.setDepartment(checked.department());
        hook.setEnabled(checked.enabled());
    }

    static Webhook toDto(WebhookEntity hook) {
        return new Webhook(hook.getId(), hook.getUrl(), List.of(hook.getEvents().split(",")), hook.getDepartment(),
                hook.getOwnerDepartment(), hook.isEnabled(), hook.getDisabledReason(), hook.getConsecutiveFailures(), hook.getCreatedBy(),
                hook.getCreatedAt(), hook.getLastDeliveryAt(), hook.getLastOutcome(), null);
    }
}
