// Moved to the domain: the effects' inputs read it too.
export * from '../domain/tradeData';
