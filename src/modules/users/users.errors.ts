import { AppError } from '../../shared/errors.ts';

export const emailTaken = () =>
  new AppError('users.email_taken', 409, 'A user with this email already exists', {
    fields: [{ path: 'email', code: 'taken', message: 'A user with this email already exists' }],
  });

export const lastOwner = () =>
  new AppError('users.last_owner', 409, 'A workspace needs at least one active owner');

export const ownerOnly = () =>
  new AppError('users.owner_only', 403, 'Only an owner can grant the owner role or change an owner');

export const wrongCurrentPassword = () =>
  new AppError('users.wrong_password', 400, 'The current password is not correct', {
    fields: [{ path: 'currentPassword', code: 'wrong_password', message: 'The current password is not correct' }],
  });
