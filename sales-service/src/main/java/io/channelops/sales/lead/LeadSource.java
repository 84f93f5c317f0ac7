package io.channelops.sales.lead;

/** Where a lead came from. */
public enum LeadSource {
    WEB, REFERRAL, TRADE_SHOW, CAMPAIGN, PHONE, PARTNER, OTHER
}
