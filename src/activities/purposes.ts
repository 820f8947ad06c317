/** Purposes as recorded in `SentEmail.purpose` and used in Message-IDs. */
export const EmailPurpose = {
  StallReminder: 'stall-reminder',
  BookingRequest: 'booking-request',
  CargoReadyNotice: 'cargo-ready-notice',
  TelexReleaseRequest: 'telex-release-request',
  DocumentCopies: 'document-copies',
  DocumentDispatch: 'document-dispatch',
  CancellationNotice: 'cancellation-notice',
  PaymentRequest: 'payment-request',
  CustomerCancellation: 'customer-cancellation',
  CollectionInstructions: 'collection-instructions',
  PresentationChecklist: 'presentation-checklist',
} as const;
