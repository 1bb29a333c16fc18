package dev.bulletin.examples.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An order, in the application's own table. */
@Entity
@Table(name = "shop_order")
public class Order {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 128)
    private String customer;

    @Column(nullable = false, length = 200)
    private String item;

    @Column(nullable = false, length = 16)
    private String state;

    @Column(nullable = false)
    private Instant placed;

    protected Order() {
    }

    Order(String customer, String item) {
        this.id = UUID.randomUUID().toString();
        this.customer = customer;
        this.item = item;
        this.state = "placed";
        this.placed = Instant.now();
    }

    public String getId() {
        return id;
    }

    public String getCustomer() {
        return customer;
    }

    public String getItem() {
        return item;
    }

    public String getState() {
        return state;
    }

    void ship() {
        state = "shipped";
    }
}
