package org.atrium.core.internal.persistence;

import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.OptimisticLockException;
import javax.persistence.RollbackException;

import org.atrium.api.ConflictException;

/**
 * Runs units of work in resource-local transactions: commit on success, rollback on any
 * exception, so that bad input never leaves a partial ticket behind.
 */
public class Database {
    private final EntityManagerFactory emf;
    private final Dialect dialect;

    /** A database whose dialect is embedded Derby (tests). */
    public Database(EntityManagerFactory emf) {
        this(emf, Dialect.DERBY);
    }

    public Database(EntityManagerFactory emf, Dialect dialect) {
        this.emf = emf;
        this.dialect = dialect;
    }

    /** Which SQL the native queries may use (row locks that skip locked rows exist on PostgreSQL only). */
    public Dialect dialect() {
        return dialect;
    }

    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        PersonIds people = PersonIds.open(em);
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
        PersonIds people = PersonIds.open(em);
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
