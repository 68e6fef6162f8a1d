import type { SourcePreset } from './source-preset.ts';

/** Online shops' order exports: Shopify, WooCommerce. */

export const SHOPIFY_ORDERS: SourcePreset = {
  id: 'shopify-orders',
  system: 'Shopify orders',
  signature: ['Name', 'Email', 'Financial Status', 'Created at', 'Lineitem quantity', 'Lineitem name', 'Lineitem price', 'Total'],
  mapping: {
    orderId: 'Name', customerEmail: 'Email', customerPhone: 'Phone', customerName: 'Billing Name', customerCountry: 'Billing Country', date: 'Created at', currency: 'Currency', status: 'Financial Status',
    orderTotal: 'Total', shipping: 'Shipping', refundedAmount: 'Refunded Amount', campaign: 'Discount Code', channel: 'Source',
    quantity: 'Lineitem quantity', unitPrice: 'Lineitem price', description: 'Lineitem name', productCode: 'Lineitem sku',
  },
  alternatives: { customerPhone: ['Billing Phone'] },
  required: ['orderId', 'date', 'status', 'orderTotal', 'quantity', 'unitPrice'],
  statuses: { paid: 'sale', partially_paid: 'sale', refunded: 'refunded', partially_refunded: 'refunded', pending: 'skip', authorized: 'skip', voided: 'skip', expired: 'skip', unpaid: 'skip' },
  read: { carryForward: true },
  notes: 'One row per line item; the order\'s columns (Financial Status, Total, Shipping, Refunded Amount, Billing Name…) only on its first row, carried to its other rows. The customer is the Email (and Phone). The amount is Total less Shipping; a refunded or partially_refunded order is a sale followed by a refund of Refunded Amount (the whole order when empty); pending, authorized, voided and expired orders are not purchases.',
};

const WOO_STATUSES = {
  'wc-completed': 'sale', completed: 'sale', Completed: 'sale', 'wc-processing': 'sale', processing: 'sale', Processing: 'sale',
  'wc-refunded': 'refunded', refunded: 'refunded', Refunded: 'refunded',
  'wc-cancelled': 'skip', cancelled: 'skip', Cancelled: 'skip', 'wc-failed': 'skip', failed: 'skip', Failed: 'skip', 'wc-pending': 'skip', pending: 'skip', 'Pending payment': 'skip',
  'wc-on-hold': 'skip', 'on-hold': 'skip', 'On hold': 'skip', 'wc-draft': 'skip', 'Pending Payment': 'skip', 'On Hold': 'skip', 'wc-checkout-draft': 'skip', 'checkout-draft': 'skip', Draft: 'skip', trash: 'skip',
} as const;

export const WOOCOMMERCE_ORDERS: SourcePreset = {
  id: 'woocommerce-orders',
  system: 'WooCommerce orders (one row per order)',
  signature: ['Order Number', 'Order Status', 'Order Date', 'Billing Email Address', 'Order Total'],
  mapping: {
    orderId: 'Order Number', status: 'Order Status', date: 'Order Date', customerEmail: 'Billing Email Address', customerPhone: 'Billing Phone', customerName: 'Billing First Name', customerCountry: 'Billing Country',
    orderTotal: 'Order Total', shipping: 'Order Shipping', refundedAmount: 'Order Refund', currency: 'Order Currency', campaign: 'Coupon Code', channel: 'Payment Method Title',
  },
  required: ['orderId', 'status', 'date', 'orderTotal'],
  statuses: WOO_STATUSES,
  notes: 'One row per order. The customer is the billing email. The amount is Order Total less Order Shipping; refunded orders are a sale followed by a refund (Order Refund when given); cancelled, failed, pending, on-hold and draft orders are not purchases.',
};

export const WOOCOMMERCE_LINES: SourcePreset = {
  id: 'woocommerce-lines',
  system: 'WooCommerce orders (one row per item)',
  signature: ['Order Number', 'Order Status', 'Order Date', 'Billing Email Address', 'Order Total', 'Item Name', 'Quantity'],
  mapping: {
    ...WOOCOMMERCE_ORDERS.mapping,
    description: 'Item Name', productCode: 'SKU', quantity: 'Quantity', unitPrice: 'Item Cost',
  },
  required: ['orderId', 'status', 'date', 'orderTotal', 'quantity'],
  statuses: WOO_STATUSES,
  read: { carryForward: true },
  notes: 'One row per item, the order\'s columns repeated (or only on its first row). Read as the one-row-per-order layout, with each item a line of the order (Item Cost × Quantity).',
};

/** SkyVerge's Customer / Order / Coupon Export, "Default" format: the header is the plugin's snake_case keys. */
export const WOOCOMMERCE_CSV_EXPORT: SourcePreset = {
  id: 'woocommerce-csv-export',
  system: 'WooCommerce orders (Customer / Order / Coupon Export)',
  signature: ['order_number', 'status', 'date', 'billing_email', 'order_total', 'refunded_total'],
  mapping: {
    orderId: 'order_number', status: 'status', date: 'date', customerEmail: 'billing_email', customerPhone: 'billing_phone', customerName: 'billing_first_name', customerCountry: 'billing_country',
    orderTotal: 'order_total', shipping: 'shipping_total', refundedAmount: 'refunded_total', currency: 'order_currency', channel: 'payment_method',
  },
  required: ['orderId', 'status', 'date', 'orderTotal'],
  statuses: WOO_STATUSES,
  notes: 'One row per order (its items in one line_items cell, not read). The customer is billing_email (customer_id 0 is a guest, so it is not the key). The amount is order_total less shipping_total; refunded_total becomes a refund of the order; cancelled, failed, pending, on-hold and draft orders are not purchases.',
};

const ALGOL_ORDERS: SourcePreset['mapping'] = {
  orderId: 'Order Number', status: 'Order Status', date: 'Order Date', customerEmail: 'Email (Billing)', customerPhone: 'Phone (Billing)', customerName: 'First Name (Billing)', customerCountry: 'Country Code (Billing)',
  orderTotal: 'Order Total Amount', shipping: 'Order Shipping Amount', refundedAmount: 'Order Refund Amount', currency: 'Currency', campaign: 'Coupon Code', channel: 'Payment Method Title',
};

/** Advanced Order Export For WooCommerce (AlgolPlus), one row per product, the order's columns on each. */
export const WOOCOMMERCE_ADVANCED_LINES: SourcePreset = {
  id: 'woocommerce-advanced-lines',
  system: 'WooCommerce orders (Advanced Order Export, one row per product)',
  signature: ['Order Number', 'Order Status', 'Order Date', 'Email (Billing)', 'Order Total Amount', 'Item Name', 'Quantity'],
  mapping: { ...ALGOL_ORDERS, description: 'Item Name', productCode: 'SKU', quantity: 'Quantity', unitPrice: 'Item Cost' },
  required: ['orderId', 'status', 'date', 'orderTotal', 'quantity'],
  statuses: WOO_STATUSES,
  read: { carryForward: true },
  notes: 'One row per product, the order\'s columns repeated on each (the coupon on its first only). The customer is Email (Billing). The amount is Order Total Amount less Order Shipping Amount, once per order; each product is a line (Item Cost × Quantity); Order Refund Amount becomes a refund of the order; Cancelled, Failed, Pending payment and On hold orders are not purchases.',
};

/** The same plugin with one row per order. */
export const WOOCOMMERCE_ADVANCED_ORDERS: SourcePreset = {
  id: 'woocommerce-advanced-orders',
  system: 'WooCommerce orders (Advanced Order Export)',
  signature: ['Order Number', 'Order Status', 'Order Date', 'Email (Billing)', 'Order Total Amount'],
  mapping: ALGOL_ORDERS,
  required: ['orderId', 'status', 'date', 'orderTotal'],
  statuses: WOO_STATUSES,
  notes: 'One row per order. The customer is Email (Billing). The amount is Order Total Amount less Order Shipping Amount; Order Refund Amount becomes a refund of the order; Cancelled, Failed, Pending payment and On hold orders are not purchases.',
};
