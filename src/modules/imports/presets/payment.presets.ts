import type { SourcePreset } from './source-preset.ts';

/** Payment processors' exports: Stripe, Square, PayPal. */

export const STRIPE_PAYMENTS: SourcePreset = {
  id: 'stripe-payments',
  system: 'Stripe payments',
  signature: ['id', 'Amount', 'Amount Refunded', 'Currency', 'Status', 'Captured'],
  mapping: {
    orderId: 'id', date: 'Created date (UTC)', amount: 'Amount', refundedAmount: 'Amount Refunded', currency: 'Currency', fee: 'Fee', status: 'Status',
    customerExternalId: 'Customer ID', customerEmail: 'Customer Email', customerName: 'Customer Description', description: 'Description',
  },
  // Exports before 2023 call it "Created (UTC)".
  alternatives: { date: ['Created (UTC)', 'Created'] },
  required: ['orderId', 'date', 'amount', 'status'],
  statuses: { Paid: 'sale', Succeeded: 'sale', Refunded: 'refunded', 'Partially refunded': 'refunded', 'Partial refund': 'refunded', Failed: 'skip', Uncaptured: 'skip', Canceled: 'skip', Pending: 'skip', Blocked: 'skip', Incomplete: 'skip', Disputed: 'sale', 'Requires payment method': 'skip' },
  // Fee is in the account's currency (Converted Currency): on a charge in another, it is not the sale's and is left out.
  read: { timeZone: 'UTC', feeCurrencyHeader: 'Converted Currency' },
  notes: 'One row per charge. The customer is the Customer ID (the email when there is none). Amount is the sale; Amount Refunded (full or partial) becomes a refund of the same charge; Fee is kept apart (when it is in the charge\'s own currency). Failed, uncaptured, canceled, pending and blocked charges are not purchases. Times are UTC.',
};

const SQUARE_EVENTS = { Payment: 'sale', Refund: 'refund', Sale: 'sale', Return: 'refund' } as const;

export const SQUARE_ITEMS: SourcePreset = {
  id: 'square-items',
  system: 'Square item details',
  signature: ['Date', 'Time', 'Item', 'Qty', 'Gross Sales', 'Net Sales', 'Transaction ID', 'Event Type'],
  mapping: {
    orderId: 'Transaction ID', date: 'Date', eventType: 'Event Type', description: 'Item', productCode: 'SKU', quantity: 'Qty', amount: 'Net Sales',
    customerExternalId: 'Customer ID', customerName: 'Customer Name', channel: 'Location',
  },
  required: ['orderId', 'date', 'eventType', 'amount'],
  statuses: SQUARE_EVENTS,
  read: { carryForward: false, returnsShareOrderId: true },
  notes: 'One row per item sold or refunded; rows of one Transaction ID are one sale. The amount is Net Sales (after discounts, before tax). Event Type Refund rows are refunds. The customer is the Customer ID.',
};

export const SQUARE_TRANSACTIONS: SourcePreset = {
  id: 'square-transactions',
  system: 'Square transactions',
  signature: ['Date', 'Time', 'Gross Sales', 'Net Sales', 'Total Collected', 'Transaction ID', 'Event Type'],
  mapping: {
    orderId: 'Transaction ID', date: 'Date', eventType: 'Event Type', amount: 'Net Sales', fee: 'Fees',
    customerExternalId: 'Customer ID', customerName: 'Customer Name', channel: 'Source', description: 'Description',
  },
  required: ['orderId', 'date', 'eventType', 'amount'],
  statuses: SQUARE_EVENTS,
  read: { carryForward: false, skipZeroAmount: true, returnsShareOrderId: true },
  notes: 'One row per payment or refund. The amount is Net Sales (goods after discounts, before tax and tips); Fees are kept apart. Event Type Refund rows are refunds, each its own transaction though it carries the payment\'s Transaction ID (Partial Refunds is not read: the refund has its own row). A payment with Net Sales 0 (a gift card load) is no sale of goods and is left out. The customer is the Customer ID.',
};

export const PAYPAL_ACTIVITY: SourcePreset = {
  id: 'paypal-activity',
  system: 'PayPal activity',
  signature: ['Date', 'Time', 'TimeZone', 'Name', 'Type', 'Status', 'Currency', 'Gross', 'Fee', 'Net', 'Transaction ID'],
  mapping: {
    orderId: 'Transaction ID', date: 'Date', eventType: 'Type', status: 'Status', currency: 'Currency', amount: 'Gross', fee: 'Fee',
    customerEmail: 'From Email Address', refundCustomerEmail: 'To Email Address', customerName: 'Name', description: 'Item Title', productCode: 'Item ID', customerCountry: 'Country Code',
  },
  required: ['orderId', 'date', 'eventType', 'status', 'amount'],
  statuses: {
    Completed: 'sale', Pending: 'skip', Denied: 'skip', Canceled: 'skip', Cancelled: 'skip', Failed: 'skip', Reversed: 'skip', Refunded: 'sale', 'Partially Refunded': 'sale', Held: 'skip', Removed: 'skip',
    'Website Payment': 'sale', 'Express Checkout Payment': 'sale', 'Mobile Payment': 'sale', 'General Payment': 'sale', 'Subscription Payment': 'sale', 'Invoice Payment': 'sale', 'Shopping Cart Payment Received': 'sale',
    'PreApproved Payment Bill User Payment': 'sale', 'Virtual Terminal Transaction': 'sale', 'Donation Payment': 'sale', 'eBay Auction Payment': 'sale', 'Payment Received': 'sale', 'Web Accept Payment Received': 'sale',
    'Payment Refund': 'refund', Refund: 'refund', 'Chargeback': 'refund', 'Payment Reversal': 'refund',
    'General Currency Conversion': 'skip', 'General Withdrawal': 'skip', 'Bank Deposit to PP Account': 'skip', 'General Card Deposit': 'skip', 'User Initiated Withdrawal': 'skip', 'Transfer to bank': 'skip',
    'General Authorization': 'skip', 'Void of Authorization': 'skip', 'Hold on Balance for Dispute Investigation': 'skip', 'Reversal of General Account Hold': 'skip', 'Account Hold for Open Authorization': 'skip', 'Reversal of ACH Deposit': 'skip',
    'Express Checkout Payment Sent': 'skip', 'General PayPal Debit Card Transaction': 'skip', 'PreApproved Payment Bill User Payment Sent': 'skip', 'Website Payment Sent': 'skip', 'Mass Pay Payment': 'skip', 'Tax collected by partner': 'skip',
  },
  notes: 'One row per balance movement. Payments received (Website, Express Checkout, Mobile, Subscription, Invoice payments) with status Completed are sales; Payment Refund rows (negative Gross) are refunds; conversions, withdrawals, transfers, authorisations, holds, payments sent and rows Pending, Denied or Canceled are not purchases. The customer is the From Email Address (on a refund, the To Email Address: From is the shop itself); the amount is Gross (shipping included); Fee is kept apart.',
};
