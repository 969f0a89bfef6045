// The limits on report recipients and confirmation links, in a module of their own so the
// settings form (a client component) can show them without importing the database code.

export const MAX_SUBSCRIPTIONS_PER_SITE = 25;
/** Confirmation links one address receives in 24 hours, from every site and account together. */
export const MAX_CONFIRMATIONS_PER_ADDRESS = 3;
/** Confirmation links one account sends in 24 hours (enough to fill a site's list of recipients). */
export const MAX_CONFIRMATIONS_PER_ACCOUNT = 30;
/** After an address unsubscribed from a site, no confirmation link goes to it from that site for this long. */
export const UNSUBSCRIBE_BLOCK_DAYS = 30;
