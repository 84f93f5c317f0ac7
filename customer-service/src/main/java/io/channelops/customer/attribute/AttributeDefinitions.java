package io.channelops.customer.attribute;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** All custom attribute definitions (a short list: they are read whole). */
public interface AttributeDefinitions extends JpaRepository<AttributeDefinition, String> {

    List<AttributeDefinition> findAllByOrderByKeyAsc();
}
