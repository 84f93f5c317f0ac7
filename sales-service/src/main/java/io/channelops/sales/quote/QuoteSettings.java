package io.channelops.sales.quote;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of quotes, under {@code channelops.sales.quotes}.
 *
 * @param validityDays a quote is valid until its quote date plus this many days unless it says otherwise;
 *     {@code QUOTES_VALIDITY_DAYS}, default 30
 * @param defaultCurrency currency of a quote that names none and has no line or opportunity to take one from;
 *     {@code QUOTES_DEFAULT_CURRENCY}, default CNY
 * @param timeZone the zone the quote date and "today" (for validity) are taken in; {@code QUOTES_TIME_ZONE},
 *     default UTC
 * @param discountLimit the total discount in percent a submitter may give without a manager's approval, by role
 *     ({@code QUOTES_DISCOUNT_LIMIT_REP}, {@code _MANAGER}, {@code _DIRECTOR}; defaults 10, 20, 100). A submitter
 *     with several roles gets the highest of theirs; one without a listed role (an integration client) gets 0
 * @param pdf how quotes are rendered as PDF
 */
@Validated
@ConfigurationProperties("channelops.sales.quotes")
public record QuoteSettings(
        @DefaultValue("30") @Min(0) @Max(3650) int validityDays,
        @DefaultValue("CNY") @NotNull @Pattern(regexp = "[A-Z]{3}") String defaultCurrency,
        @DefaultValue("UTC") @NotNull ZoneId timeZone,
        @Nullable Map<String, BigDecimal> discountLimit,
        @DefaultValue @NotNull @Valid Pdf pdf) {

    /** The limits when none are configured. */
    public static final Map<String, BigDecimal> DEFAULT_DISCOUNT_LIMITS = Map.of("REP", new BigDecimal("10"),
            "MANAGER", new BigDecimal("20"), "DIRECTOR", new BigDecimal("100"));

    public QuoteSettings {
        if (discountLimit == null || discountLimit.isEmpty()) {
            discountLimit = DEFAULT_DISCOUNT_LIMITS;
        }
        Map<String, BigDecimal> byRole = new java.util.HashMap<>();
        for (Map.Entry<String, BigDecimal> limit : discountLimit.entrySet()) {
            if (limit.getValue().signum() < 0 || limit.getValue().compareTo(QuoteLine.HUNDRED) > 0) {
                throw new IllegalArgumentException("channelops.sales.quotes.discount-limit." + limit.getKey()
                        + " must be between 0 and 100, not " + limit.getValue());
            }
            byRole.put(limit.getKey().toUpperCase(Locale.ROOT), limit.getValue());
        }
        discountLimit = Map.copyOf(byRole);
    }

    /** The discount limit of someone with these roles: the highest of their roles' limits, 0 when none is set. */
    public BigDecimal discountLimit(Set<String> roles) {
        Map<String, BigDecimal> limits = discountLimit == null ? DEFAULT_DISCOUNT_LIMITS : discountLimit;
        return roles.stream().map(role -> limits.get(role.toUpperCase(Locale.ROOT)))
                .filter(java.util.Objects::nonNull)
                .max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
    }

    /**
     * @param font a TrueType/OpenType font file (for a collection, {@code file.ttc,0}) embedded in quote PDFs: set
     *     it to a font with CJK glyphs (e.g. Noto Sans CJK, WenQuanYi) to render Chinese, Japanese or Korean text;
     *     {@code QUOTES_PDF_FONT}, default empty: the Liberation Sans font bundled with OpenPDF (Latin, Greek,
     *     Cyrillic; CJK characters are left out)
     * @param companyName printed at the top of every quote; {@code QUOTES_PDF_COMPANY_NAME}
     */
    public record Pdf(@DefaultValue("") String font, @DefaultValue("ChannelOps") String companyName) {
    }
}
