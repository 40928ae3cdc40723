// What the hub and the stations exchange besides bundles: signed receipts (and, later, station packages).
export { RECEIPT_FORMAT, receiptBytes, verifyReceipt, type BundleReceipt, type ReceiptCheck, type ReceiptProblem, type SignedReceipt } from './receipt';
