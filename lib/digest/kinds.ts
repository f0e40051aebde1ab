import type { ChannelKind } from '../constants';

/** Channel kinds as the team names them (both languages: the providers' own names). */
