package org.atrium.core.internal.persistence;

import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.OptimisticLockException;
import javax.persistence.RollbackException;

import org.atrium.api.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs units of work in resource-local transactions: commit on success, rollback on any
 * exception, so that bad input never leaves a partial ticket behind.
 */
public class Database {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int DEADLOCK_ATTEMPTS = 4;
    private final EntityManagerFactory emf;
    private final Dialect dialect;
    private final PersonIdIssuer issuer;
    private final WriteSlots writers = new WriteSlots(WriteSlots.DEFAULT);

    /** A database whose dialect is embedded Derby (tests). */
    public Database(EntityManagerFactory emf) {
        this(emf, Dialect.DERBY);
    }

    public Database(EntityManagerFactory emf, Dialect dialect) {
        this.emf = emf;
        this.dialect = dialect;
        this.issuer = new PersonIdIssuer(emf);
    }

    /** Which SQL the native queries may use (row locks that skip locked rows exist on PostgreSQL only). */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * The work in one transaction. A transaction the database chose as a deadlock victim is run
     * again (a few times, after a short random pause): units of work are plain functions of the
     * database and write nothing outside it, and on a small Derby table two creations can lock each
     * other's new rows in a scan.
     */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        writers.enter();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return once(work);
                } catch (RuntimeException e) {
                    if (attempt >= DEADLOCK_ATTEMPTS || !DeadlockVictim.is(e)) {
                        throw e;
                    }
                    LOG.debug("Deadlock victim, running the unit of work again (attempt {})", attempt + 1, e);
                    DeadlockVictim.pause(attempt);
                }
            }
        } finally {
            writers.leave();
        }
    }

    private <T> T once(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        PersonIds people = PersonIds.open(em, issuer);
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } catch (OptimisticLockException e) {
            throw new ConflictException("The ticket was changed by someone else; reload it and try again", null);
        } catch (RollbackException e) {
            if (e.getCause() instanceof OptimisticLockException) {
                throw new ConflictException("The ticket was changed by someone else; reload it and try again", null);
            }
            throw e;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            people.close();
            em.close();
        }
    }

    /**
     * Read-only work; no transaction is held open longer than the queries. The transaction begun
     * here takes a connection only when person ids must be mapped ({@link PersonIds}), and is
     * rolled back: a read writes nothing.
     */
    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        PersonIds people = PersonIds.open(em, issuer);
        try {
            em.getTransaction().begin();
            return work.apply(em);
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            people.close();
            em.close();
        }
    }
}
