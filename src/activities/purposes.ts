/** Purposes as recorded in `SentEmail.purpose` and used in Message-IDs. */
export const EmailPurpose = {
  StallReminder: 'stall-reminder',
  BookingRequest: 'booking-request',
  DocumentCopies: 'document-copies',
  DocumentDispatch: 'document-dispatch',
  CancellationNotice: 'cancellation-notice',
} as const;
