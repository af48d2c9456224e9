"""office supplies: items with their cached balance, the stock ledger, requisitions and their issue
register, purchase requests, stocktakes

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02

The ledger (stock_movements) is only ever added to; an item's on_hand and value_cents move with it in
the same transaction, and on_hand >= 0 is a constraint, so two desks cannot issue the last units twice.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.models.base


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('supply_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('specification', sa.String(length=100), nullable=False),
    sa.Column('unit', sa.String(length=16), nullable=False),
    sa.Column('category', sa.String(length=50), nullable=False),
    sa.Column('location', sa.String(length=50), nullable=False),
    sa.Column('barcode', sa.String(length=64), nullable=True),
    sa.Column('min_qty', sa.Integer(), nullable=False),
    sa.Column('reorder_qty', sa.Integer(), nullable=False),
    sa.Column('unit_cost_cents', sa.Integer(), nullable=False),
    sa.Column('on_hand', sa.Integer(), nullable=False),
    sa.Column('value_cents', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', kiosk.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', kiosk.models.base.UTCDateTime(), nullable=False),
    sa.CheckConstraint('on_hand >= 0', name=op.f('ck_supply_items_on_hand_not_negative')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supply_items')),
    sa.UniqueConstraint('barcode', name=op.f('uq_supply_items_barcode')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('supply_items', schema=None) as batch_op:
        batch_op.create_index('ix_supply_items_category_name', ['category', 'name'], unique=False)

    op.create_table('purchase_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('draft', 'pending_approval', 'approved', 'ordered', 'partially_received', 'received', 'cancelled', name='purchasestatus', native_enum=False, length=24), nullable=False),
    sa.Column('purpose', sa.String(length=200), nullable=False),
    sa.Column('supplier', sa.String(length=200), nullable=False),
    sa.Column('created_at', kiosk.models.base.UTCDateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('approved_at', kiosk.models.base.UTCDateTime(), nullable=True),
    sa.Column('approved_by', sa.String(length=64), nullable=False),
    sa.Column('ordered_at', kiosk.models.base.UTCDateTime(), nullable=True),
    sa.Column('closed_at', kiosk.models.base.UTCDateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_purchase_requests_site_id_sites')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_purchase_requests')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('purchase_requests', schema=None) as batch_op:
        batch_op.create_index('ix_purchase_requests_site_status', ['site_id', 'status', 'created_at'], unique=False)

    op.create_table('stock_movements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('received', 'issued', 'returned', 'adjusted', 'moved', name='movementkind', native_enum=False, length=24), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('value_cents', sa.Integer(), nullable=False),
    sa.Column('balance_after', sa.Integer(), nullable=False),
    sa.Column('at', kiosk.models.base.UTCDateTime(), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('document_kind', sa.Enum('requisition', 'purchase', 'stocktake', 'manual', name='documentkind', native_enum=False, length=24), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('location_from', sa.String(length=50), nullable=False),
    sa.Column('location_to', sa.String(length=50), nullable=False),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_stock_movements_department_id_departments')),
    sa.ForeignKeyConstraint(['item_id'], ['supply_items.id'], name=op.f('fk_stock_movements_item_id_supply_items')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_movements')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('stock_movements', schema=None) as batch_op:
        batch_op.create_index('ix_stock_movements_at', ['at'], unique=False)
        batch_op.create_index('ix_stock_movements_department_at', ['department_id', 'at'], unique=False)
        batch_op.create_index('ix_stock_movements_document', ['document_kind', 'document_id'], unique=False)
        batch_op.create_index('ix_stock_movements_item_id', ['item_id', 'id'], unique=False)

    op.create_table('stocktakes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('counting', 'posted', 'cancelled', name='stocktakestatus', native_enum=False, length=24), nullable=False),
    sa.Column('scope', sa.String(length=100), nullable=False),
    sa.Column('created_at', kiosk.models.base.UTCDateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('posted_at', kiosk.models.base.UTCDateTime(), nullable=True),
    sa.Column('posted_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_stocktakes_site_id_sites')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stocktakes')),
    sqlite_autoincrement=True
    )
    op.create_table('requisitions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('pending_approval', 'approved', 'partially_issued', 'issued', 'declined', 'cancelled', name='requisitionstatus', native_enum=False, length=24), nullable=False),
    sa.Column('requester_host_id', sa.Integer(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('purpose', sa.String(length=200), nullable=False),
    sa.Column('created_at', kiosk.models.base.UTCDateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('decided_at', kiosk.models.base.UTCDateTime(), nullable=True),
    sa.Column('decided_by', sa.String(length=64), nullable=False),
    sa.Column('decision_note', sa.String(length=200), nullable=False),
    sa.Column('closed_at', kiosk.models.base.UTCDateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_requisitions_department_id_departments')),
    sa.ForeignKeyConstraint(['requester_host_id'], ['hosts.id'], name=op.f('fk_requisitions_requester_host_id_hosts')),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_requisitions_site_id_sites')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_requisitions')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('requisitions', schema=None) as batch_op:
        batch_op.create_index('ix_requisitions_site_status_created', ['site_id', 'status', 'created_at'], unique=False)

    op.create_table('stocktake_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('stocktake_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('book_qty', sa.Integer(), nullable=False),
    sa.Column('counted_qty', sa.Integer(), nullable=True),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['supply_items.id'], name=op.f('fk_stocktake_lines_item_id_supply_items')),
    sa.ForeignKeyConstraint(['stocktake_id'], ['stocktakes.id'], name=op.f('fk_stocktake_lines_stocktake_id_stocktakes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stocktake_lines')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('stocktake_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stocktake_lines_stocktake_id'), ['stocktake_id'], unique=False)

    op.create_table('requisition_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('requisition_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('issued_qty', sa.Integer(), nullable=False),
    sa.Column('cancelled_qty', sa.Integer(), nullable=False),
    sa.Column('quality_note', sa.String(length=200), nullable=False),
    sa.CheckConstraint('issued_qty + cancelled_qty <= quantity', name=op.f('ck_requisition_lines_not_more_than_asked')),
    sa.ForeignKeyConstraint(['item_id'], ['supply_items.id'], name=op.f('fk_requisition_lines_item_id_supply_items')),
    sa.ForeignKeyConstraint(['requisition_id'], ['requisitions.id'], name=op.f('fk_requisition_lines_requisition_id_requisitions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_requisition_lines')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('requisition_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_requisition_lines_requisition_id'), ['requisition_id'], unique=False)

    op.create_table('supply_issues',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('requisition_id', sa.Integer(), nullable=False),
    sa.Column('at', kiosk.models.base.UTCDateTime(), nullable=False),
    sa.Column('issued_by', sa.String(length=64), nullable=False),
    sa.Column('received_by', sa.String(length=100), nullable=False),
    sa.Column('signature_png', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['requisition_id'], ['requisitions.id'], name=op.f('fk_supply_issues_requisition_id_requisitions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supply_issues')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('supply_issues', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_supply_issues_requisition_id'), ['requisition_id'], unique=False)

    op.create_table('purchase_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('purchase_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('received_qty', sa.Integer(), nullable=False),
    sa.Column('unit_cost_cents', sa.Integer(), nullable=False),
    sa.Column('requisition_line_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('received_qty <= quantity', name=op.f('ck_purchase_lines_not_more_than_ordered')),
    sa.ForeignKeyConstraint(['item_id'], ['supply_items.id'], name=op.f('fk_purchase_lines_item_id_supply_items')),
    sa.ForeignKeyConstraint(['purchase_id'], ['purchase_requests.id'], name=op.f('fk_purchase_lines_purchase_id_purchase_requests'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['requisition_line_id'], ['requisition_lines.id'], name=op.f('fk_purchase_lines_requisition_line_id_requisition_lines')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_purchase_lines')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('purchase_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_purchase_lines_purchase_id'), ['purchase_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('purchase_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_purchase_lines_purchase_id'))

    op.drop_table('purchase_lines')
    with op.batch_alter_table('supply_issues', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_supply_issues_requisition_id'))

    op.drop_table('supply_issues')
    with op.batch_alter_table('requisition_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_requisition_lines_requisition_id'))

    op.drop_table('requisition_lines')
    with op.batch_alter_table('stocktake_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stocktake_lines_stocktake_id'))

    op.drop_table('stocktake_lines')
    with op.batch_alter_table('requisitions', schema=None) as batch_op:
        batch_op.drop_index('ix_requisitions_site_status_created')

    op.drop_table('requisitions')
    op.drop_table('stocktakes')
    with op.batch_alter_table('stock_movements', schema=None) as batch_op:
        batch_op.drop_index('ix_stock_movements_item_id')
        batch_op.drop_index('ix_stock_movements_document')
        batch_op.drop_index('ix_stock_movements_department_at')
        batch_op.drop_index('ix_stock_movements_at')

    op.drop_table('stock_movements')
    with op.batch_alter_table('purchase_requests', schema=None) as batch_op:
        batch_op.drop_index('ix_purchase_requests_site_status')

    op.drop_table('purchase_requests')
    with op.batch_alter_table('supply_items', schema=None) as batch_op:
        batch_op.drop_index('ix_supply_items_category_name')

    op.drop_table('supply_items')
