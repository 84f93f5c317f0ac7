package io.channelops.platform.it;

import io.channelops.platform.security.DataScope;
import io.channelops.platform.security.Ownership;
import io.channelops.platform.web.PageResponse;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An owned business record of the test service, to test tokens, permissions and data scope end to end. */
@Entity
@Table(name = "gadgets")
public class Gadget {

    @Id
    private String id = "";

    @Column(nullable = false)
    private String name = "";

    @Column(nullable = false)
    private BigDecimal amount = BigDecimal.ZERO;

    @Embedded
    private Ownership ownership = new Ownership("nobody", "");

    protected Gadget() {
    }

    Gadget(String name, BigDecimal amount, Ownership ownership) {
        this.id = UUID.randomUUID().toString();
        this.name = name;
        this.amount = amount;
        this.ownership = ownership;
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    BigDecimal amount() {
        return amount;
    }

    Ownership ownership() {
        return ownership;
    }

    void reassign(Ownership to) {
        this.ownership = to;
    }
}

