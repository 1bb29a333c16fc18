package dev.bulletin.examples.orders;

import dev.bulletin.api.Publisher;
import dev.bulletin.protocol.NewsDraft;
import dev.bulletin.protocol.NotificationDraft;
import dev.bulletin.protocol.NotificationDraft.Audience;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.Optional;

/**
 * The application's business: each change of an order and its notice to the customer are one
 * transaction. Bulletin's Publisher writes the notice into that transaction, so the customer hears
 * of an order exactly when it is committed.
 */
@ApplicationScoped
@Transactional
public class Orders {

    @PersistenceContext(unitName = "orders")
    EntityManager em;

    @Inject
    Publisher publisher;

    /** Places an order; {@code failAfterPublishing} makes the transaction fail after the notices were written. */
    public Order place(String customer, String item, boolean failAfterPublishing) {
        Order order = new Order(customer, item);
        em.persist(order);
        publisher.notify(new NotificationDraft(Audience.users(customer), "Order received", item, "orders",
                "placed-" + order.getId()));
        publisher.publish(NewsDraft.of("sales", "Someone bought " + item));
        if (failAfterPublishing) {
            throw new IllegalStateException("the payment was declined");
        }
        return order;
    }

    /** Ships the order; its notice has an id of the order's, so shipping twice tells the customer once. */
    public Optional<Order> ship(String id) {
        Order order = em.find(Order.class, id);
        if (order == null) {
            return Optional.empty();
        }
        order.ship();
        publisher.notify(new NotificationDraft(Audience.users(order.getCustomer()), "Order shipped", order.getItem(),
                "orders", "shipped-" + id));
        return Optional.of(order);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Order> find(String id) {
        return Optional.ofNullable(em.find(Order.class, id));
    }
}
