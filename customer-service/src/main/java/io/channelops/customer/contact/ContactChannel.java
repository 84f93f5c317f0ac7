package io.channelops.customer.contact;

/** How a contact prefers to be reached. */
public enum ContactChannel {
    PHONE, EMAIL, WECHAT, VISIT, OTHER
}
