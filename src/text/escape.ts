// Moved to the domain (templates are pure); kept so older imports still resolve.
export * from '../domain/letters/escape';
