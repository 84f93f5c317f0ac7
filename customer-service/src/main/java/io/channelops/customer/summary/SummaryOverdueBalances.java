package io.channelops.customer.summary;

import io.channelops.customer.customer.OverdueBalances;
import java.util.List;
import org.springframework.stereotype.Component;

/** The customer search's {@code hasOverdueBalance} filter, answered from the summary's invoices and payments. */
@Component
class SummaryOverdueBalances implements OverdueBalances {

    private final SummaryQueries queries;

    SummaryOverdueBalances(SummaryQueries queries) {
        this.queries = queries;
    }

    @Override
    public SqlCondition overdue(String customerIdColumn) {
        return new SqlCondition(SummaryQueries.overdueBalanceCondition(customerIdColumn),
                List.of(queries.today()));
    }
}
