// Fixed ids of the demo clinic, shared by the app's demo generator and the stack's seed,
// so a demo app signs in to the demo server and syncs the same clinic.
export const DEMO_CLINIC_ID = '01900000-0000-7000-8000-000000000001';
export const DEMO_STAFF = [
  { id: '01900000-0000-7000-8000-000000000101', email: 'admin@demo.clinic', password: 'demo-admin-2026', role: 'admin', displayName: 'Alex Admin' },
  { id: '01900000-0000-7000-8000-000000000102', email: 'manager@demo.clinic', password: 'demo-manager-2026', role: 'manager', displayName: 'Morgan Manager' },
  { id: '01900000-0000-7000-8000-000000000103', email: 'desk@demo.clinic', password: 'demo-desk-2026', role: 'receptionist', displayName: 'Rita Reception' },
] as const;
