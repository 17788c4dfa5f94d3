// Shapes of the API's answers (see /api/openapi.json). The UI shows the *Label fields, never codes.
export type TPage<T> = { items: T[]; total: number; page: number; pageSize: number };

export type TRoleCode = 'admin' | 'officer' | 'head' | 'council' | 'individual';
export type TMe = {
  id: string;
  username: string;
  fullName: string;
  personId: string | null;
  mustChangePassword: boolean;
  roles: { role: TRoleCode; roleLabel: string; unitId: string; unitName: string }[];
  permissions: string[];
  csrfToken: string;
};

export type TUnit = {
  id: string; code: string; name: string; shortName: string | null; abbreviation: string | null;
  kind: string; kindLabel: string; provinceCode: string; communeCode: string | null;
  parentId: string | null; parentName?: string | null; profParentId: string | null;
  address: string | null; phone: string | null; email: string | null;
  status: string; statusLabel: string; validFrom: string; validTo: string | null;
  childCount?: number; peopleCount?: number;
};
export type TUnitDetail = TUnit & { profParentName: string | null; ancestors: { id: string; name: string }[] };
export type TUnitEvent = {
  id: string; event: string; eventLabel: string; effectiveDate: string; relatedUnitId: string | null;
  relatedUnitName: string | null; details: unknown; actorName: string | null; createdAt: string;
};

export type TPerson = {
  id: string; fullName: string; birthDate: string | null; gender: string | null; genderLabel: string | null;
  ethnicity: string | null; cccd: string | null; phone: string | null; email: string | null;
  unitId: string; unitName: string | null; position: string | null; staffCategory: string | null;
  sectorStartDate: string | null; provinceCode: string;
};
export type TPersonDetail = TPerson & {
  employments: { id: string; unitId: string; unitName: string | null; position: string; fromDate: string; toDate: string | null }[];
  qualifications: { id: string; kind: string; name: string; year: number | null }[];
  ratings: { id: string; schoolYear: number; schoolYearLabel: string; rating: string; ratingLabel: string; unitName: string | null }[];
  disciplines: { id: string; form: string; formLabel: string; decisionNumber: string | null; fromDate: string; toDate: string | null; reason: string | null; active: boolean }[];
  canEdit: boolean;
};

export type TClusterMember = { unitId: string; unitName?: string; role: 'truong' | 'pho' | 'thanh_vien'; roleLabel?: string };
export type TCluster = {
  id: string; name: string; kind: 'cum' | 'khoi'; kindLabel: string; schoolYear: number; schoolYearLabel: string;
  ownerUnitId: string; ownerUnitName: string | null; note: string | null; members: TClusterMember[];
};

export type TUser = {
  id: string; username: string; fullName: string; email: string | null; personId: string | null; personName: string | null;
  isActive: boolean; mustChangePassword: boolean; lastLoginAt: string | null; createdAt: string;
  roles: { role: TRoleCode; roleLabel: string; unitId: string; unitName: string }[];
};

export type TNotification = { id: string; title: string; body: string | null; link: string | null; readAt: string | null; createdAt: string };

export type TAuditRow = {
  seq: number; at: string; actorName: string | null; action: string; entityType: string; entityId: string;
  unitId: string | null; before: unknown; after: unknown; reason: string | null;
};

export type TImportResult = {
  kind: 'units' | 'people'; dryRun: boolean; applied: boolean; totalRows: number; created: number; updated: number; unchanged: number;
  errors: { row: number; column: string | null; message: string }[]; message: string;
};
export type TJob = {
  id: number; type: string; status: 'queued' | 'running' | 'done' | 'failed'; statusLabel: string; progress: number; progressMessage: string | null;
  result: TImportResult | null; error: string | null; createdAt: string; finishedAt: string | null;
};
